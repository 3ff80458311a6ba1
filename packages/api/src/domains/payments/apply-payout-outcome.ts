import type { ServiceDeps } from "../../deps";
import type { MoneyTx } from "../money-transaction";
import { type PaymentRef, transitionPayment } from "./payment-transitions";
import { reasonCodeOf } from "./provider-port";

export type PayoutOutcome = {
  status: "paid" | "pending" | "failed";
  failureCode: string | null;
  provider: string;
  providerPayoutId: string;
};

/**
 * Applies what a provider says about a payout (its answer to the create call, its lookup, or its signed webhook),
 * inside the caller's transaction, to a payout that is PROCESSING or HELD: paid → PAID (pending → provider
 * clearing), failed → FAILED (the funds go back to the player), pending → unchanged. A payout already final stays
 * as it is, so a late or repeated answer changes nothing. true when the payout moved.
 */
export const applyPayoutOutcome = async (
  tx: MoneyTx,
  deps: Pick<ServiceDeps, "now">,
  payment: PaymentRef,
  outcome: PayoutOutcome,
  actor: string,
): Promise<boolean> => {
  if (outcome.status === "pending") return false;
  return transitionPayment(tx, deps, payment, {
    from: ["PROCESSING", "HELD"],
    to: outcome.status === "paid" ? "PAID" : "FAILED",
    reasonCode: outcome.status === "paid" ? null : reasonCodeOf(outcome.failureCode, "PAYOUT_FAILED"),
    actor,
    provider: outcome.provider,
    providerPaymentId: outcome.providerPayoutId,
  });
};
