import { inMoneyTransaction } from "../money-transaction";
import { applyDepositOutcome } from "./apply-deposit-outcome";
import { type PaymentDeps, paymentSettingsOf } from "./payment-settings";
import { actors, transitionPayment } from "./payment-transitions";
import { depositIdsPastDeadline, findPaymentsInOrder } from "./payments.repo";
import { callProvider } from "./routing";

const actor = actors.system("deposit-expiry");

/**
 * The deposit-expiry job: a deposit still INITIATED or PENDING after its deadline (its webhook never came) is
 * checked against its provider's API and closed as the provider says: completed (credited once), failed or
 * expired; one the provider still calls pending is closed EXPIRED (a success arriving later still completes it).
 * A provider that cannot be asked now is asked again on the next run. The batch is taken in turns across (status,
 * provider), so deposits at a provider that is down never starve those at the others (payments.repo.ts). Safe to
 * run twice at once: every move is a compare-and-set.
 */
export const expireStaleDeposits = async (deps: PaymentDeps, options: { batch?: number } = {}) => {
  const settings = paymentSettingsOf(deps);
  const stale = await findPaymentsInOrder(
    deps.db,
    await depositIdsPastDeadline(deps.db, deps.now(), options.batch ?? 100),
  );
  const summary = { checked: stale.length, completed: 0, failed: 0, expired: 0, unreachable: 0 };
  for (const payment of stale) {
    const provider = payment.provider ? settings.providers.get(payment.provider) : undefined;
    if (!provider || !payment.providerPaymentId) {
      // Never reached a provider (no id to ask about): nothing can have been paid through us.
      const isExpired = await inMoneyTransaction(deps, (tx) =>
        transitionPayment(tx, deps, payment, {
          from: ["INITIATED"],
          to: "EXPIRED",
          reasonCode: "EXPIRED_NOT_STARTED",
          actor,
        }),
      );
      if (isExpired) summary.expired += 1;
      continue;
    }
    const providerPaymentId = payment.providerPaymentId;
    // No answer (or a refusal, which says nothing about the payment): left open and asked again on the next run.
    // Whatever came back counts towards the provider's circuit as when the deposit was created.
    const { answer: state } = await callProvider(deps, provider.code, () => provider.getPayment(providerPaymentId));
    if (!state) {
      summary.unreachable += 1;
      continue;
    }
    if (state.amountMinor !== payment.amountMinor || state.currency !== payment.currency) {
      deps.logger.error(
        { paymentId: payment.id, provider: provider.code },
        "provider reports another amount; left open",
      );
      summary.unreachable += 1;
      continue;
    }
    const moved = await inMoneyTransaction(deps, async (tx) =>
      state.status === "pending"
        ? transitionPayment(tx, deps, payment, {
            from: ["INITIATED", "PENDING"],
            to: "EXPIRED",
            reasonCode: "EXPIRED_NO_CONFIRMATION",
            actor,
          })
        : applyDepositOutcome(
            tx,
            deps,
            payment,
            { ...state, provider: provider.code, providerPaymentId: state.providerPaymentId },
            actor,
          ),
    );
    if (!moved) continue;
    if (state.status === "succeeded") summary.completed += 1;
    else if (state.status === "failed") summary.failed += 1;
    else summary.expired += 1;
  }
  return summary;
};
