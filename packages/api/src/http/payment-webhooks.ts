import { runWithRequestContext } from "@pitboss/db";
import { getServiceDeps } from "../deps";
import { handlePaymentWebhook } from "../domains/payments/handle-webhook";
import type { PaymentDeps } from "../domains/payments/payment-settings";
import { requestIdOf } from "./request-id";

export type PaymentWebhookInput = {
  provider: string;
  body: Buffer;
  isTooLarge?: boolean;
  headers: { get: (name: string) => string | null };
};
export type PaymentWebhookResult = { status: number; headers: Record<string, string>; body: Buffer };

const respond = (status: number, requestId: string, payload: Record<string, unknown>): PaymentWebhookResult => ({
  status,
  headers: { "content-type": "application/json", "cache-control": "private, no-store", "x-request-id": requestId },
  body: Buffer.from(JSON.stringify({ ...payload, requestId })),
});

/**
 * `POST /api/payments/webhooks/<provider>`: a PSP's signed webhook, as raw bytes (the signature covers them
 * exactly). 200 once recorded, 400 when refused (bad signature, old timestamp, unreadable, unknown payment: nothing
 * changed, logged with the request id), 500 on our failure (the provider retries; the event is recorded only with
 * its effect, so a retry is safe).
 */
export const paymentWebhookHandler = async (
  input: PaymentWebhookInput,
  deps: PaymentDeps = getServiceDeps(),
): Promise<PaymentWebhookResult> => {
  const requestId = requestIdOf({ headers: input.headers } as Request);
  return runWithRequestContext({ requestId }, async () => {
    if (input.isTooLarge) {
      deps.logger.warn({ provider: input.provider }, "payment webhook refused: body too large");
      return respond(413, requestId, { error: "PAYLOAD_TOO_LARGE" });
    }
    try {
      const answer = await handlePaymentWebhook(deps, { ...input, requestId });
      return respond(answer.status, requestId, answer.status === 200 ? { received: true } : { error: answer.outcome });
    } catch (error) {
      deps.logger.error({ err: error, provider: input.provider }, "payment webhook: unhandled error");
      return respond(500, requestId, { error: "INTERNAL" });
    }
  });
};
