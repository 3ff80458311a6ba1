import type { PaymentStatus } from "./payments.schemas";

/** A decision finance takes on a withdrawal in the back office. */
export type WithdrawalDecision = "approve" | "reject" | "resolve";

/**
 * The one status each decision acts on: approve and reject a queued withdrawal, resolve a payout left HELD. These are
 * the edges the database's payment_guard allows (AWAITING_APPROVAL → APPROVED | REJECTED, HELD → PAID | FAILED).
 * Free of server code, so the back office offers a decision exactly when decide-withdrawal.ts would carry it out.
 */
export const decisionFrom = {
  approve: "AWAITING_APPROVAL",
  reject: "AWAITING_APPROVAL",
  resolve: "HELD",
} as const satisfies Record<WithdrawalDecision, PaymentStatus>;

const decisionOrder: readonly WithdrawalDecision[] = ["approve", "reject", "resolve"];

/** What finance may decide on a withdrawal in this status, in the order the back office shows it (none: nothing). */
export const withdrawalDecisionsFor = (status: PaymentStatus): readonly WithdrawalDecision[] =>
  decisionOrder.filter((decision) => decisionFrom[decision] === status);
