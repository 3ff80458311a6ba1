import { inMoneyTransaction } from "../money-transaction";
import { applyPayoutOutcome } from "./apply-payout-outcome";
import { type PaymentDeps, paymentSettingsOf, webhookUrlOf } from "./payment-settings";
import { actors, transitionPayment } from "./payment-transitions";
import { mustFindPayment, type PaymentRow, setPayoutProvider } from "./payments.repo";
import type { PaymentStatus } from "./payments.schemas";
import { heldReasonOf, isNotSent, type PaymentProvider, type ProviderFailure } from "./provider-port";
import { callProvider, providersFor } from "./routing";

/**
 * Which send of a payout to a provider this is. A `first` send goes to a provider that provably never had the
 * payout; a `repeat` (the job taking up a payout left PROCESSING) may reach one that already holds it from the
 * earlier send, and may still pay it.
 */
type PayoutSend = "first" | "repeat";

/** Where a payout goes when a send got no payout back. */
type MoveAfterFailedSend = { to: Extract<PaymentStatus, "FAILED" | "HELD">; reasonCode: string; note: string };

/**
 * What a failed send says about the payout; null when the provider did not get it (no connection, 503), so it may
 * be offered to the next provider or sent again later. A timeout or 5xx may hide a payment: held until the
 * provider's answer is known. A refusal (4xx) proves nothing was paid only on the first send. On a repeat the
 * provider may hold the payout from the earlier send and pay it later (a 409 for a body that changed, say the
 * webhook URL, or for the same key still in flight; a 401 after a key rotation; a 429), so refunding the player
 * could pay them twice: it is held as well, never failed.
 */
export const moveAfterFailedSend = (failure: ProviderFailure, send: PayoutSend): MoveAfterFailedSend | null => {
  if (isNotSent(failure)) return null;
  if (failure !== "REFUSED") {
    return { to: "HELD", reasonCode: heldReasonOf(failure), note: `send: ${failure}, the outcome is unknown` };
  }
  return send === "first"
    ? { to: "FAILED", reasonCode: "PAYOUT_REFUSED", note: "send refused: nothing was paid" }
    : {
        to: "HELD",
        reasonCode: "PROVIDER_ERROR",
        note: "repeated send refused: the provider may hold the payout from the earlier send",
      };
};

/** Takes a payout out of PROCESSING after a send or a lookup that paid nothing (HELD or FAILED, with why). */
const leaveProcessing = (deps: PaymentDeps, payment: PaymentRow, move: MoveAfterFailedSend, actor: string) =>
  inMoneyTransaction(deps, (tx) => transitionPayment(tx, deps, payment, { from: ["PROCESSING"], ...move, actor }));

/**
 * Sends the payout to one provider (our payment id as its idempotency key, on every attempt) and applies what came
 * back. true when that provider got it, whatever it answered; false when it did not (no connection, 503).
 */
const offerPayout = async (
  deps: PaymentDeps,
  payment: PaymentRow,
  provider: PaymentProvider,
  send: PayoutSend,
): Promise<boolean> => {
  const settings = paymentSettingsOf(deps);
  const actor = actors.provider(provider.code);
  const sent = await callProvider(deps, provider.code, () =>
    provider.createPayout({
      reference: payment.id,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      destination: `player:${payment.playerId}`,
      webhookUrl: webhookUrlOf(settings, provider.code),
      idempotencyKey: payment.id,
    }),
  );
  if (sent.failure === null) {
    const outcome = { ...sent.answer, provider: provider.code };
    await inMoneyTransaction(deps, (tx) => applyPayoutOutcome(tx, deps, payment, outcome, actor));
    return true;
  }
  const move = moveAfterFailedSend(sent.failure, send);
  if (!move) return false;
  await leaveProcessing(deps, payment, move, actor);
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
  const claimed = await inMoneyTransaction(deps, (tx) =>
    transitionPayment(tx, deps, payment, { from: ["APPROVED"], to: "PROCESSING", reasonCode: null, actor }),
  );
  if (!claimed) return mustFindPayment(deps.db, paymentId);
  let recorded = payment.provider;
  for (const provider of await providersFor(deps, payment.method)) {
    // Recorded before the call, so a payout left PROCESSING is asked of (or sent again to) the provider that may
    // have it, and one with no provider recorded was never sent anywhere. Not recorded when the payout job took it
    // up meanwhile (this worker stalled that long): then the job sends it, and this worker must not.
    const change = { from: recorded, to: provider.code };
    if (!(await inMoneyTransaction(deps, (tx) => setPayoutProvider(tx, paymentId, change, deps.now())))) {
      return mustFindPayment(deps.db, paymentId);
    }
    recorded = provider.code;
    if (await offerPayout(deps, { ...payment, provider: provider.code }, provider, "first")) {
      return mustFindPayment(deps.db, paymentId);
    }
  }
  await inMoneyTransaction(deps, (tx) =>
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
 * A payout PROCESSING with no provider recorded: the worker stopped between claiming it and recording the first
 * provider, before any provider call, so no provider has it. Back to APPROVED (only while still without a
 * provider: a worker that was merely slow and recorded one meanwhile keeps it) and sent as a new payout.
 */
const sendUnsentPayout = async (deps: PaymentDeps, payment: PaymentRow, actor: string): Promise<PaymentRow> => {
  await inMoneyTransaction(deps, (tx) =>
    transitionPayment(tx, deps, payment, {
      from: ["PROCESSING"],
      to: "APPROVED",
      reasonCode: "PAYOUT_NOT_SENT",
      actor,
      note: "claimed, but no provider was recorded or called: sent again as a new payout",
      whileProviderIs: null,
    }),
  );
  return sendPayout(deps, payment.id, actor);
};

/**
 * Asks a payout's provider what it holds under our reference and applies its answer (see applyPayoutOutcome).
 * Returns the call's result (a failure, or the answer: null for no record) and whether the payout moved.
 */
export const lookUpPayout = async (
  deps: PaymentDeps,
  payment: PaymentRow,
  provider: PaymentProvider,
  actor: string,
) => {
  const found = await callProvider(deps, provider.code, () => provider.findPayout(payment.id));
  const outcome = found.answer ? { ...found.answer, provider: provider.code } : null;
  const isMoved =
    outcome !== null && (await inMoneyTransaction(deps, (tx) => applyPayoutOutcome(tx, deps, payment, outcome, actor)));
  return { ...found, isMoved };
};

/**
 * A payout left PROCESSING (a crash mid-send, or a `pending` answer whose webhook never came) is taken up again,
 * never reading a repeat's refusal as "not paid":
 * - no provider recorded: nothing was sent, so it is sent as a new payout;
 * - its provider is no longer configured: HELD, where finance sees it (nobody can ask that provider now);
 * - otherwise its provider is asked what it holds under our reference and the answer applied (pending: left as it
 *   is, for the webhook or the next run); only when it has no record is the payout sent again, as a repeat. A
 *   refused question holds the payout (the provider may have it, we cannot tell); no answer leaves it PROCESSING
 *   for the next run.
 */
export const resumePayout = async (deps: PaymentDeps, payment: PaymentRow, actor: string): Promise<PaymentRow> => {
  if (payment.status !== "PROCESSING") return payment;
  if (!payment.provider) return sendUnsentPayout(deps, payment, actor);
  const provider = paymentSettingsOf(deps).providers.get(payment.provider);
  if (!provider) {
    const note = `provider ${payment.provider} is not configured: cannot ask it`;
    await leaveProcessing(deps, payment, { to: "HELD", reasonCode: "PROVIDER_ERROR", note }, actor);
    return mustFindPayment(deps.db, payment.id);
  }
  const found = await lookUpPayout(deps, payment, provider, actors.provider(provider.code));
  if (found.failure === "REFUSED") {
    const note = "payout lookup refused: the provider may hold the payout";
    await leaveProcessing(deps, payment, { to: "HELD", reasonCode: "PROVIDER_ERROR", note }, actor);
  } else if (found.failure === null && found.answer === null) {
    await offerPayout(deps, payment, provider, "repeat");
  }
  return mustFindPayment(deps.db, payment.id);
};
