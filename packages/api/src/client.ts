/** What browser code may import from the API: types, and pure rules it shows before the server applies them. */

import type { PaymentStatus } from "./domains/payments/payments.schemas";

export type { DomainErrorCode } from "@pitboss/db";
export { MINES_CELLS, MINES_MAX, minesMultiplier } from "./domains/games/mines-multiplier";
export { payoutFor, type Ratio } from "./domains/games/payout";
export { columnOf, pocketColor, rowOf, SHAPED_BET_LAYOUTS } from "./domains/games/roulette-layout";
export { ROULETTE_RETURN } from "./domains/games/roulette-returns";
export { feeFor } from "./domains/payments/fee";
export type { AppRouter } from "./root";
export type { PaymentStatus };

/** A decision finance takes on a withdrawal in the back office. */
export type WithdrawalDecision = "approve" | "reject" | "resolve";

/**
 * The decisions a withdrawal's status is open to. These are the statuses approveWithdrawal, rejectWithdrawal and
 * resolveHeldWithdrawal (domains/payments/decide-withdrawal.ts) move a withdrawal from, and the edges the database's
 * payment_guard allows (AWAITING_APPROVAL → APPROVED | REJECTED, HELD → PAID | FAILED): kept here, free of server
 * code, so the back office offers a decision exactly when the server would carry it out.
 */
const decisionsByStatus: Partial<Record<PaymentStatus, readonly WithdrawalDecision[]>> = {
  AWAITING_APPROVAL: ["approve", "reject"],
  HELD: ["resolve"],
};

/** What finance may decide on a withdrawal in this status, in the order the back office shows it (none: nothing). */
export const withdrawalDecisionsFor = (status: PaymentStatus): readonly WithdrawalDecision[] =>
  decisionsByStatus[status] ?? [];
