import { hub88WalletHandler, readProviderBody } from "@pitboss/api/http";

/** Hub88-compatible studio wallet: `/api/providers/hub88/<provider>/<user/info|…|transaction/rollback>`. */
export const POST = async (request: Request, { params }: { params: Promise<{ action: string[] }> }) => {
  const [{ action }, body] = await Promise.all([params, readProviderBody(request)]);
  const result = await hub88WalletHandler({ path: action, ...body, headers: request.headers });
  return new Response(new Uint8Array(result.body), { status: result.status, headers: result.headers });
};

export const dynamic = "force-dynamic";
