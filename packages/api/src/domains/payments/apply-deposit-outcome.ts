import type { ServiceDeps } from "../../deps";
import type { MoneyTx } from "../money-transaction";
import { type PaymentRef, transitionPayment } from "./payment-transitions";
import { reasonCodeOf } from "./provider-port";

export type DepositOutcome = {
  status: "pending" | "succeeded" | "failed" | "expired";
  failureCode: string | null;
  provider: string;
  providerPaymentId: string;
};

/**
 * Applies what a provider says about a deposit (its signed webhook, or its API when the expiry job asks), inside
 * the caller's transaction. Order-safe: success completes and credits a deposit that is INITIATED, PENDING or
 * EXPIRED (the player paid after we stopped waiting: LATE_SUCCESS), exactly once; failure or expiry only closes one
 * still open. Anything already final stays as it is. true when the deposit moved.
 */
export const applyDepositOutcome = async (
  tx: MoneyTx,
  deps: Pick<ServiceDeps, "now">,
  payment: PaymentRef,
  outcome: DepositOutcome,
  actor: string,
): Promise<boolean> => {
  const base = { actor, provider: outcome.provider, providerPaymentId: outcome.providerPaymentId };
  switch (outcome.status) {
    case "succeeded":
      return (
        (await transitionPayment(tx, deps, payment, {
          ...base,
          from: ["INITIATED", "PENDING"],
          to: "COMPLETED",
          reasonCode: null,
        })) ||
        (await transitionPayment(tx, deps, payment, {
          ...base,
          from: ["EXPIRED"],
          to: "COMPLETED",
          reasonCode: "LATE_SUCCESS",
        }))
      );
    case "failed":
      return transitionPayment(tx, deps, payment, {
        ...base,
        from: ["INITIATED", "PENDING"],
        to: "FAILED",
        reasonCode: reasonCodeOf(outcome.failureCode, "PAYMENT_FAILED"),
      });
    case "expired":
      return transitionPayment(tx, deps, payment, {
        ...base,
        from: ["INITIATED", "PENDING"],
        to: "EXPIRED",
        reasonCode: "EXPIRED_AT_PROVIDER",
      });
    default:
      return false;
  }
};
