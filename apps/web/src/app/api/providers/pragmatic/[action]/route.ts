import { pragmaticWalletHandler, readProviderBody } from "@pitboss/api/http";

/** Pragmatic-compatible studio wallet: `/api/providers/pragmatic/<authenticate|balance|bet|…>.html`. */
export const POST = async (request: Request, { params }: { params: Promise<{ action: string }> }) => {
  const [{ action }, body] = await Promise.all([params, readProviderBody(request)]);
  const result = await pragmaticWalletHandler({ path: [action], ...body, headers: request.headers });
  return new Response(new Uint8Array(result.body), { status: result.status, headers: result.headers });
};

export const dynamic = "force-dynamic";
