import { DomainError } from "@pitboss/db";
import { inMoneyTransaction } from "../money-transaction";
import { parseInput } from "../parse-input";
import type { PaymentDeps } from "./payment-settings";
import { actors, transitionPayment } from "./payment-transitions";
import { cancellableStatuses, cancelRulesFor, type PaymentView, toPaymentViewOf } from "./payment-view";
import { findPayment, mustFindPayment } from "./payments.repo";
import { type PaymentIdInput, paymentIdInput } from "./payments.schemas";

/**
 * The player cancels their own withdrawal while it waits for approval or payout; the funds go back to their cash.
 * Refused once it is being paid out, and always where the jurisdiction forbids it (GB).
 */
export const cancelWithdrawal = async (
  deps: PaymentDeps,
  rawInput: PaymentIdInput & { playerId: string },
): Promise<PaymentView> => {
  const { playerId, ...raw } = rawInput;
  const input = parseInput(paymentIdInput, raw);
  const payment = await findPayment(deps.db.prisma, input.paymentId);
  if (payment?.playerId !== playerId || payment.direction !== "WITHDRAWAL") throw new DomainError("NOT_FOUND");
  if (payment.status === "CANCELLED") return toPaymentViewOf(deps.db, payment);
  const canCancelIn = await cancelRulesFor(deps.db, [payment.country]);
  if (!canCancelIn(payment.country)) {
    throw new DomainError("WITHDRAWAL_NOT_CANCELLABLE", {
      message: "withdrawals cannot be cancelled in this jurisdiction",
      meta: { reasonCode: "CANCEL_NOT_ALLOWED_IN_JURISDICTION" },
    });
  }
  const isCancelled = await inMoneyTransaction(deps, (tx) =>
    transitionPayment(tx, deps, payment, {
      from: cancellableStatuses,
      to: "CANCELLED",
      reasonCode: "CANCELLED_BY_PLAYER",
      actor: actors.player(playerId),
    }),
  );
  const current = await mustFindPayment(deps.db, payment.id);
  if (!isCancelled && current.status !== "CANCELLED") {
    throw new DomainError("WITHDRAWAL_NOT_CANCELLABLE", {
      message: `the withdrawal is ${current.status}`,
      meta: { reasonCode: "ALREADY_PROCESSING", status: current.status },
    });
  }
  return toPaymentViewOf(deps.db, current);
};
