import { inMoneyTransaction } from "../money-transaction";
import type { PaymentDeps } from "./payment-settings";
import { actors, postPaymentMovement, transitionPayment } from "./payment-transitions";
import { type PaymentView, toPaymentViewOf } from "./payment-view";
import { mustFindPayment } from "./payments.repo";
import type { StartPaymentInput } from "./payments.schemas";
import { sendPayout } from "./send-payout";
import { checkPaymentRequest, insertCheckedPayment, replayAfterRace } from "./start-payment";

/**
 * A withdrawal request. In one database transaction: the payment is recorded, its amount moves from the player's
 * cash to WITHDRAWAL_PENDING (it can no longer be staked; the ledger refuses more than the balance, so of two
 * requests racing for the whole balance one fails and leaves nothing behind), and it is either approved (up to the
 * currency's auto-approval amount) or queued for finance (ABOVE_AUTO_APPROVAL). An approved one is paid out at once.
 */
export const requestWithdrawal = async (
  deps: PaymentDeps,
  rawInput: StartPaymentInput & { playerId: string },
): Promise<PaymentView> => {
  const { playerId, ...raw } = rawInput;
  const checked = await checkPaymentRequest(deps, "WITHDRAWAL", playerId, raw);
  if (checked.replay) return toPaymentViewOf(deps.db, checked.replay);
  const { request } = checked;
  const threshold = await deps.db.prisma.withdrawalAutoApproval.findUnique({
    where: { currency: request.currency },
    select: { maxAutoMinor: true },
  });
  const isAutoApproved = threshold !== null && request.amountMinor <= threshold.maxAutoMinor;
  const id = deps.newId("payment");
  const actor = actors.player(playerId);
  const isNew = await inMoneyTransaction(deps, async (tx) => {
    if (!(await insertCheckedPayment(tx, deps, request, id, null))) return false;
    const row = { ...request, id, provider: null };
    await postPaymentMovement(tx, row, "hold");
    await transitionPayment(tx, deps, row, {
      from: ["REQUESTED"],
      to: isAutoApproved ? "APPROVED" : "AWAITING_APPROVAL",
      reasonCode: isAutoApproved ? "AUTO_APPROVED" : "ABOVE_AUTO_APPROVAL",
      actor: isAutoApproved ? actors.system("auto-approval") : actor,
    });
    return true;
  });
  if (!isNew) return toPaymentViewOf(deps.db, await replayAfterRace(deps, request));
  const payment = isAutoApproved
    ? await sendPayout(deps, id, actors.system("auto-approval"))
    : await mustFindPayment(deps.db, id);
  return toPaymentViewOf(deps.db, payment);
};
