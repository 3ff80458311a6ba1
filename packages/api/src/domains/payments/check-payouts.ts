import { type PaymentDeps, paymentSettingsOf } from "./payment-settings";
import { actors } from "./payment-transitions";
import { findPaymentsInOrder, payoutIdsToCheck } from "./payments.repo";
import { lookUpPayout, resumePayout, sendPayout } from "./send-payout";

const actor = actors.system("payout-check");

/**
 * The payout reconciliation job. HELD payouts (a timeout or 5xx left the outcome unknown) are looked up at their
 * provider by our reference: paid → PAID, failed → FAILED (funds released); no record or still pending → left HELD
 * for the next run or a finance user, never refunded on a hunch. Payouts left APPROVED (no provider was reachable,
 * or a crash) are sent again; ones left PROCESSING are taken up again by `resumePayout` (looked up first, sent
 * again only when their provider has no record). The batch is taken in turns across (status, provider), so held
 * payouts nobody can resolve yet, or a provider that is down, never starve the others (payments.repo.ts).
 */
export const checkPayouts = async (deps: PaymentDeps, options: { batch?: number } = {}) => {
  const settings = paymentSettingsOf(deps);
  const staleBefore = new Date(deps.now().getTime() - settings.payoutRecheckAfterMs);
  const payouts = await findPaymentsInOrder(
    deps.db,
    await payoutIdsToCheck(deps.db, staleBefore, options.batch ?? 100),
  );
  const summary = { checked: payouts.length, paid: 0, failed: 0, stillHeld: 0, resent: 0 };
  for (const payment of payouts) {
    if (payment.status === "APPROVED") {
      if ((await sendPayout(deps, payment.id, actor)).status !== "APPROVED") summary.resent += 1;
      continue;
    }
    if (payment.status === "PROCESSING") {
      if ((await resumePayout(deps, payment, actor)).status !== "PROCESSING") summary.resent += 1;
      continue;
    }
    const provider = payment.provider ? settings.providers.get(payment.provider) : undefined;
    if (!provider) {
      summary.stillHeld += 1;
      continue;
    }
    // No answer (unreachable, timeout, 5xx, or a refusal: a 4xx says nothing about the payout), no record there, or
    // still pending: left HELD. Whatever came back counts towards the provider's circuit as when the payout was sent.
    const { answer, isMoved } = await lookUpPayout(deps, payment, provider, actor);
    if (answer && isMoved) {
      if (answer.status === "paid") summary.paid += 1;
      else summary.failed += 1;
    } else summary.stillHeld += 1;
  }
  return summary;
};
