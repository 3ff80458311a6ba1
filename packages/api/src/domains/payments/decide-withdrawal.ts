import { DomainError } from "@pitboss/db";
import { writeAudit } from "../audit/write-audit";
import { inMoneyTransaction } from "../money-transaction";
import { parseInput } from "../parse-input";
import type { StaffDeps } from "../staff/staff.types";
import type { WithPaymentSettings } from "./payment-settings";
import { actors, transitionPayment } from "./payment-transitions";
import { type PaymentView, toPaymentViewOf } from "./payment-view";
import { findPayment, mustFindPayment, type PaymentRow } from "./payments.repo";
import {
  type ApproveWithdrawalInput,
  approveWithdrawalInput,
  type RejectWithdrawalInput,
  type ResolveHeldInput,
  rejectWithdrawalInput,
  resolveHeldInput,
} from "./payments.schemas";
import { sendPayout } from "./send-payout";
import { decisionFrom } from "./withdrawal-decisions";

type Deps = StaffDeps & WithPaymentSettings;

const loadWithdrawal = async (deps: Deps, paymentId: string) => {
  const payment = await findPayment(deps.db.prisma, paymentId);
  if (payment?.direction !== "WITHDRAWAL") throw new DomainError("NOT_FOUND");
  return payment;
};

const conflict = (payment: PaymentRow, wanted: string) =>
  new DomainError("CONFLICT", {
    message: `the withdrawal is ${payment.status}, it cannot be ${wanted}`,
    meta: { status: payment.status },
  });

/** One staff decision: the status change, its ledger movement and its audit row in one transaction. */
const decide = (
  deps: Deps,
  payment: PaymentRow,
  decision: { from: PaymentRow["status"]; to: PaymentRow["status"]; reasonCode: string | null; note: string | null },
  action: string,
) =>
  inMoneyTransaction(deps, async (tx) => {
    const moved = await transitionPayment(tx, deps, payment, {
      from: [decision.from],
      to: decision.to,
      reasonCode: decision.reasonCode,
      actor: actors.staff(deps.staff.id),
      note: decision.note,
    });
    if (moved) {
      await writeAudit(tx.audit, deps, deps.audit, {
        action,
        targetType: "payment",
        targetId: payment.id,
        before: { status: decision.from, playerId: payment.playerId },
        after: {
          status: decision.to,
          reasonCode: decision.reasonCode,
          amountMinor: payment.amountMinor,
          currency: payment.currency,
        },
        reason: decision.note,
      });
    }
    return moved;
  });

/**
 * Finance approves a queued withdrawal (AWAITING_APPROVAL → APPROVED, audited), and it is paid out at once.
 * Approving again returns it as it is; approving a rejected or cancelled one is a CONFLICT.
 */
export const approveWithdrawal = async (deps: Deps, rawInput: ApproveWithdrawalInput): Promise<PaymentView> => {
  const input = parseInput(approveWithdrawalInput, rawInput);
  const payment = await loadWithdrawal(deps, input.paymentId);
  if (payment.status === decisionFrom.approve) {
    await decide(
      deps,
      payment,
      { from: decisionFrom.approve, to: "APPROVED", reasonCode: null, note: input.note ?? null },
      "payments.withdrawal.approve",
    );
  }
  const current = await mustFindPayment(deps.db, payment.id);
  if (current.status === "REJECTED" || current.status === "CANCELLED") throw conflict(current, "approved");
  const final =
    current.status === "APPROVED" ? await sendPayout(deps, current.id, actors.staff(deps.staff.id)) : current;
  return toPaymentViewOf(deps.db, final);
};

/** Finance rejects a queued withdrawal with a reason the player sees; the funds go back to the player's cash. */
export const rejectWithdrawal = async (deps: Deps, rawInput: RejectWithdrawalInput): Promise<PaymentView> => {
  const input = parseInput(rejectWithdrawalInput, rawInput);
  const payment = await loadWithdrawal(deps, input.paymentId);
  if (payment.status === decisionFrom.reject) {
    await decide(
      deps,
      payment,
      { from: decisionFrom.reject, to: "REJECTED", reasonCode: input.reasonCode, note: input.note ?? null },
      "payments.withdrawal.reject",
    );
  }
  const current = await mustFindPayment(deps.db, payment.id);
  if (current.status !== "REJECTED") throw conflict(current, "rejected");
  return toPaymentViewOf(deps.db, current);
};

/**
 * Finance resolves a HELD payout after checking with the provider: PAID (pending → provider clearing) or FAILED
 * (the funds go back to the player). Exactly once: if the reconciliation job or another finance user resolved it
 * first, the same outcome is returned as it is and a different one is a CONFLICT.
 */
export const resolveHeldWithdrawal = async (deps: Deps, rawInput: ResolveHeldInput): Promise<PaymentView> => {
  const input = parseInput(resolveHeldInput, rawInput);
  const payment = await loadWithdrawal(deps, input.paymentId);
  if (payment.status === decisionFrom.resolve) {
    await decide(
      deps,
      payment,
      {
        from: decisionFrom.resolve,
        to: input.outcome,
        reasonCode: input.outcome === "PAID" ? "RESOLVED_PAID" : "RESOLVED_FAILED",
        note: input.note,
      },
      "payments.held.resolve",
    );
  }
  const current = await mustFindPayment(deps.db, payment.id);
  if (current.status !== input.outcome) throw conflict(current, `resolved as ${input.outcome}`);
  return toPaymentViewOf(deps.db, current);
};
