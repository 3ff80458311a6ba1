import { randomUUID } from "node:crypto";

/** A manual adjustment request as the back office sends it: EUR goodwill with a note, a fresh idempotency key. */
export const adjustmentRequest = (playerId: string, amount: string, extra: Record<string, unknown> = {}) => ({
  playerId,
  currency: "EUR",
  amount,
  reasonCode: "GOODWILL" as const,
  note: "service outage compensation",
  idempotencyKey: randomUUID(),
  ...extra,
});
