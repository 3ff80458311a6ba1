import { pitbossWalletHandler, readProviderBody } from "@pitboss/api/http";

/** Our own wallet protocol (docs/wallet-protocol.md): `/api/providers/pitboss/v1/<provider>/<action>`. */
export const POST = async (request: Request, { params }: { params: Promise<{ path: string[] }> }) => {
  const [{ path }, body] = await Promise.all([params, readProviderBody(request)]);
  const result = await pitbossWalletHandler({ path, ...body, headers: request.headers });
  return new Response(new Uint8Array(result.body), { status: result.status, headers: result.headers });
};

export const dynamic = "force-dynamic";
