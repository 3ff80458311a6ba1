import { applyPayoutOutcome } from "./apply-payout-outcome";
import { type PaymentDeps, paymentSettingsOf, webhookUrlOf } from "./payment-settings";
import { actors, transitionPayment } from "./payment-transitions";
import { inPaymentTransaction } from "./payment-tx";
import { mustFindPayment, type PaymentRow, setPayoutProvider } from "./payments.repo";
import { heldReasonOf, isNotSent, type PaymentProvider } from "./provider-port";
import { callProvider, providersFor } from "./routing";

/** Sends the payout to one provider; true when that provider took it (whatever its answer), false when not sent. */
const sendTo = async (deps: PaymentDeps, payment: PaymentRow, provider: PaymentProvider): Promise<boolean> => {
  const settings = paymentSettingsOf(deps);
  const actor = actors.provider(provider.code);
  const sent = await callProvider(deps, provider.code, () =>
    provider.createPayout({
      reference: payment.id,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      destination: `player:${payment.playerId}`,
      webhookUrl: webhookUrlOf(settings, provider.code),
      // The same key on every attempt: the provider returns the payout it already has instead of paying twice.
      idempotencyKey: payment.id,
    }),
  );
  if (sent.failure === null) {
    const outcome = { ...sent.answer, provider: provider.code };
    await inPaymentTransaction(deps, (tx) => applyPayoutOutcome(tx, deps, payment, outcome, actor));
    return true;
  }
  if (sent.failure === "REFUSED") {
    // A definite no (4xx): nothing was paid, so the funds go back to the player.
    await inPaymentTransaction(deps, (tx) =>
      transitionPayment(tx, deps, payment, {
        from: ["PROCESSING"],
        to: "FAILED",
        reasonCode: "PAYOUT_REFUSED",
        actor,
      }),
    );
    return true;
  }
  if (isNotSent(sent.failure)) return false;
  // Timeout or 5xx: the provider may have paid. Held, never refunded by itself, until its truth is known.
  const reasonCode = heldReasonOf(sent.failure);
  await inPaymentTransaction(deps, (tx) =>
    transitionPayment(tx, deps, payment, { from: ["PROCESSING"], to: "HELD", reasonCode, actor }),
  );
  return true;
};

/**
 * Pays out an APPROVED withdrawal: claims it (APPROVED → PROCESSING, so two workers never both send it), then
 * offers it to the method's providers in routing order. A provider that did not get the request (no connection,
 * 503) hands over to the next; when none got it the withdrawal goes back to APPROVED for the job to retry.
 */
export const sendPayout = async (deps: PaymentDeps, paymentId: string, actor: string): Promise<PaymentRow> => {
  const payment = await mustFindPayment(deps.db, paymentId);
  if (payment.status !== "APPROVED") return payment;
  const claimed = await inPaymentTransaction(deps, (tx) =>
    transitionPayment(tx, deps, payment, { from: ["APPROVED"], to: "PROCESSING", reasonCode: null, actor }),
  );
  if (!claimed) return mustFindPayment(deps.db, paymentId);
  for (const provider of await providersFor(deps, payment.method)) {
    // Recorded before the call, so a held payout is always looked up where it was sent.
    await inPaymentTransaction(deps, (tx) => setPayoutProvider(tx, paymentId, provider.code, deps.now()));
    if (await sendTo(deps, { ...payment, provider: provider.code }, provider))
      return mustFindPayment(deps.db, paymentId);
  }
  await inPaymentTransaction(deps, (tx) =>
    transitionPayment(tx, deps, payment, {
      from: ["PROCESSING"],
      to: "APPROVED",
      reasonCode: "PROVIDER_UNAVAILABLE",
      actor: actors.system("routing"),
    }),
  );
  return mustFindPayment(deps.db, paymentId);
};

/**
 * A payout left PROCESSING (a crash after claiming it, or a `pending` answer whose webhook never came): asked
 * again of the same provider with the same key, which returns what it did rather than paying twice.
 */
export const resumePayout = async (deps: PaymentDeps, payment: PaymentRow): Promise<PaymentRow> => {
  const provider = payment.provider ? paymentSettingsOf(deps).providers.get(payment.provider) : undefined;
  if (payment.status !== "PROCESSING" || !provider) return payment;
  await sendTo(deps, payment, provider);
  return mustFindPayment(deps.db, payment.id);
};
