import type { ServiceDeps } from "../../deps";
import type { MoneyTx } from "../money-transaction";
import { type PaymentRef, transitionPayment } from "./payment-transitions";
import { reasonCodeOf } from "./provider-port";

type PayoutOutcome = {
  status: "paid" | "pending" | "failed";
  failureCode: string | null;
  provider: string;
  providerPayoutId: string;
  /** What the provider says it pays, when its answer says (create and lookup answers; the webhook checks its own). */
  amountMinor?: bigint | null;
  currency?: string | null;
};

/** A provider's answer about another amount or currency than we sent is not about this payout as we know it. */
const disagreement = (payment: PaymentRef, outcome: PayoutOutcome): string | null => {
  const isSameAmount = outcome.amountMinor == null || outcome.amountMinor === payment.amountMinor;
  const isSameCurrency = outcome.currency == null || outcome.currency === payment.currency;
  if (isSameAmount && isSameCurrency) return null;
  return `provider reports ${outcome.amountMinor ?? "?"} ${outcome.currency ?? "?"} (${outcome.status}), we sent ${payment.amountMinor} ${payment.currency}`;
};

/**
 * Applies what a provider says about a payout (its answer to the create call, its lookup, or its signed webhook),
 * inside the caller's transaction, to a payout that is PROCESSING or HELD: paid → PAID (pending → provider
 * clearing), failed → FAILED (the funds go back to the player), pending → unchanged. A payout already final stays
 * as it is, so a late or repeated answer changes nothing. An answer about another amount or currency books nothing:
 * the payout is HELD for finance, who can see what the provider says in its history. true when the payout moved.
 */
export const applyPayoutOutcome = async (
  tx: MoneyTx,
  deps: Pick<ServiceDeps, "now" | "logger">,
  payment: PaymentRef,
  outcome: PayoutOutcome,
  actor: string,
): Promise<boolean> => {
  const mismatch = disagreement(payment, outcome);
  if (mismatch) {
    deps.logger.error({ paymentId: payment.id, provider: outcome.provider }, `payout answer mismatch: ${mismatch}`);
    return transitionPayment(tx, deps, payment, {
      from: ["PROCESSING"],
      to: "HELD",
      reasonCode: "PROVIDER_ERROR",
      note: mismatch,
      actor,
    });
  }
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
