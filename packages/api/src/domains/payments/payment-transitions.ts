import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import type { MoneyTx } from "../money-transaction";
import { creditDeposit, holdWithdrawal, payOutWithdrawal, releaseWithdrawal } from "../wallet/payment-movements";
import { type Move, movePayment, type PaymentRow } from "./payments.repo";
import type { PaymentStatus } from "./payments.schemas";

/**
 * The ledger side of the state machines. Each movement a payment can cause has a fixed idempotency key in the
 * payment's own scope (`payment:<id>`), so it happens at most once whatever retries: a deposit is credited on
 * COMPLETED; a withdrawal's amount is held at request, paid out on PAID, released on REJECTED, CANCELLED or FAILED.
 * The movement runs in the same database transaction as the status change that calls for it.
 */
export const ledgerKeys = {
  credit: "deposit-credit",
  hold: "withdrawal-hold",
  release: "withdrawal-release",
  payout: "withdrawal-payout",
} as const;

type Step = keyof typeof ledgerKeys;

/** What a transition needs to know of the payment. */
export type PaymentRef = Pick<
  PaymentRow,
  "id" | "playerId" | "direction" | "currency" | "amountMinor" | "feeMinor" | "provider"
>;

const stepFor = (payment: Pick<PaymentRef, "direction">, to: PaymentStatus): Step | null => {
  if (payment.direction === "DEPOSIT") return to === "COMPLETED" ? "credit" : null;
  if (to === "PAID") return "payout";
  return to === "REJECTED" || to === "CANCELLED" || to === "FAILED" ? "release" : null;
};

const movementOf = (payment: PaymentRef, provider: string | null, step: Step) => {
  // Deposits: the provider keeps its fee and settles the rest, which is what the player's cash receives.
  const amountMinor = step === "credit" ? payment.amountMinor - payment.feeMinor : payment.amountMinor;
  const clearing = provider ?? payment.provider;
  if ((step === "credit" || step === "payout") && !clearing) {
    throw new DomainError("INTERNAL", { message: `payment ${payment.id} has no provider to clear ${step} against` });
  }
  return {
    playerId: payment.playerId,
    currency: payment.currency,
    amountMinor,
    // Hold and release move only between the player's own accounts; the provider does not enter them.
    provider: clearing ?? "none",
    paymentId: payment.id,
    idempotencyKey: ledgerKeys[step],
  };
};

const post = {
  credit: creditDeposit,
  hold: holdWithdrawal,
  release: releaseWithdrawal,
  payout: payOutWithdrawal,
} as const;

/** Posts one of a payment's ledger movements inside the payment transaction. */
export const postPaymentMovement = (tx: MoneyTx, payment: PaymentRef, step: Step, provider: string | null = null) =>
  post[step](tx.ledger, movementOf(payment, provider, step));

/**
 * Moves the payment from one of `move.from` to `move.to` (compare-and-set) and posts the ledger movement the new
 * status calls for, in the caller's transaction. false when the payment had already left `from`: nothing happened.
 */
export const transitionPayment = async (
  tx: MoneyTx,
  deps: Pick<ServiceDeps, "now">,
  payment: PaymentRef,
  move: Omit<Move, "paymentId" | "at">,
): Promise<boolean> => {
  const from = await movePayment(tx, { ...move, paymentId: payment.id, at: deps.now() });
  if (!from) return false;
  const step = stepFor(payment, move.to);
  if (step) await postPaymentMovement(tx, payment, step, move.provider ?? null);
  return true;
};

export const actors = {
  player: (id: string) => `player:${id}`,
  staff: (id: string) => `staff:${id}`,
  provider: (code: string) => `provider:${code}`,
  system: (job: string) => `system:${job}`,
};
