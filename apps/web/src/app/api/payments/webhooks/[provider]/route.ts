import { paymentWebhookHandler, readProviderBody } from "@pitboss/api/http";

/** Payment providers' signed webhooks: `/api/payments/webhooks/<provider>` (raw body, verified in packages/api). */
export const POST = async (request: Request, { params }: { params: Promise<{ provider: string }> }) => {
  const [{ provider }, body] = await Promise.all([params, readProviderBody(request)]);
  const result = await paymentWebhookHandler({ provider, ...body, headers: request.headers });
  return new Response(new Uint8Array(result.body), { status: result.status, headers: result.headers });
};

export const dynamic = "force-dynamic";
