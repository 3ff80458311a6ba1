import { type PaymentDeps, paymentSettingsOf } from "./payment-settings";
import { actors } from "./payment-transitions";
import { paymentSelect } from "./payments.repo";
import { providerFailureOf } from "./provider-port";
import { recordProviderFailure } from "./routing";
import { applyPayoutAnswer, resumePayout, sendPayout } from "./send-payout";

const actor = actors.system("payout-check");

/**
 * The payout reconciliation job. HELD payouts (a timeout or 5xx left the outcome unknown) are looked up at their
 * provider by our reference: paid → PAID, failed → FAILED (funds released); no record or still pending → left HELD
 * for the next run or a finance user, never refunded on a hunch. Payouts left APPROVED (no provider was reachable,
 * or a crash) are sent again, and ones left PROCESSING are asked again of their provider with the same key.
 */
export const checkPayouts = async (deps: PaymentDeps, options: { batch?: number } = {}) => {
  const settings = paymentSettingsOf(deps);
  const staleBefore = new Date(deps.now().getTime() - settings.payoutRecheckAfterMs);
  const payouts = await deps.db.prisma.payment.findMany({
    where: {
      direction: "WITHDRAWAL",
      OR: [{ status: "HELD" }, { status: { in: ["APPROVED", "PROCESSING"] }, updatedAt: { lte: staleBefore } }],
    },
    orderBy: { updatedAt: "asc" },
    take: options.batch ?? 100,
    select: paymentSelect,
  });
  const summary = { checked: payouts.length, paid: 0, failed: 0, stillHeld: 0, resent: 0 };
  for (const payment of payouts) {
    if (payment.status === "APPROVED") {
      if ((await sendPayout(deps, payment.id, actor)).status !== "APPROVED") summary.resent += 1;
      continue;
    }
    if (payment.status === "PROCESSING") {
      if ((await resumePayout(deps, payment)).status !== "PROCESSING") summary.resent += 1;
      continue;
    }
    const provider = payment.provider ? settings.providers.get(payment.provider) : undefined;
    if (!provider) {
      summary.stillHeld += 1;
      continue;
    }
    try {
      const answer = await provider.findPayout(payment.id);
      if (answer && (await applyPayoutAnswer(deps, payment, provider.code, answer, actor))) {
        if (answer.status === "paid") summary.paid += 1;
        else summary.failed += 1;
      } else summary.stillHeld += 1;
    } catch (error) {
      const failure = providerFailureOf(error);
      if (!failure) throw error;
      await recordProviderFailure(deps, provider.code, failure);
      summary.stillHeld += 1;
    }
  }
  return summary;
};
