import { inMoneyTransaction } from "../money-transaction";
import { type PaymentDeps, paymentSettingsOf, returnUrlOf, webhookUrlOf } from "./payment-settings";
import { actors, transitionPayment } from "./payment-transitions";
import { toPaymentViewOf } from "./payment-view";
import { mustFindPayment, type PaymentRow } from "./payments.repo";
import type { StartPaymentInput } from "./payments.schemas";
import { callProvider, providersFor } from "./routing";
import { checkPaymentRequest, insertCheckedPayment, replayAfterRace } from "./start-payment";

/** Where the browser goes for a payment: the provider's page, or straight to our return page when there is none. */
const redirectOf = (deps: PaymentDeps, payment: PaymentRow) => {
  if (payment.redirectUrl) return payment.redirectUrl;
  const url = new URL(returnUrlOf(paymentSettingsOf(deps)));
  url.searchParams.set("payment", payment.id);
  return url.toString();
};

const reload = (deps: PaymentDeps, id: string) => mustFindPayment(deps.db, id);

/**
 * A deposit: checked, recorded INITIATED, then offered to the method's providers in routing order until one takes
 * it (PENDING, with the provider's hosted page to send the browser to). A provider that cannot be reached is
 * skipped and its failure counted (failover); when none takes it the deposit ends FAILED with PROVIDER_UNAVAILABLE.
 * Nothing is credited here: only the provider's signed webhook or its API status completes a deposit.
 */
export const createDeposit = async (deps: PaymentDeps, rawInput: StartPaymentInput & { playerId: string }) => {
  const { playerId, ...raw } = rawInput;
  const checked = await checkPaymentRequest(deps, "DEPOSIT", playerId, raw);
  const settings = paymentSettingsOf(deps);
  let payment: PaymentRow;
  if (checked.replay) payment = checked.replay;
  else {
    const { request } = checked;
    const id = deps.newId("payment");
    const expiresAt = new Date(deps.now().getTime() + settings.depositTtlMs);
    const isNew = await inMoneyTransaction(deps, (tx) => insertCheckedPayment(tx, deps, request, id, expiresAt));
    payment = isNew ? await reload(deps, id) : await replayAfterRace(deps, request);
  }
  // New, or a repeat while the first request is still with the provider (or died there): the provider's idempotency
  // key is our payment id, so asking again returns the same hosted page rather than making a second payment.
  if (payment.status === "INITIATED") payment = await offerToProviders(deps, payment);
  return { payment: await toPaymentViewOf(deps.db, payment), redirectUrl: redirectOf(deps, payment) };
};

const offerToProviders = async (deps: PaymentDeps, payment: PaymentRow): Promise<PaymentRow> => {
  const settings = paymentSettingsOf(deps);
  const actor = actors.player(payment.playerId);
  for (const provider of await providersFor(deps, payment.method)) {
    const created = await callProvider(deps, provider.code, () =>
      provider.createPayment({
        reference: payment.id,
        amountMinor: payment.amountMinor,
        currency: payment.currency,
        country: payment.country,
        returnUrl: returnUrlOf(settings),
        webhookUrl: webhookUrlOf(settings, provider.code),
        description: `Deposit ${payment.id}`,
        idempotencyKey: payment.id,
      }),
    );
    if (created.failure === null) {
      // A webhook may have completed it already (a very fast provider): then it is past INITIATED, and stays so.
      await inMoneyTransaction(deps, (tx) =>
        transitionPayment(tx, deps, payment, {
          from: ["INITIATED"],
          to: "PENDING",
          reasonCode: null,
          actor,
          provider: provider.code,
          providerPaymentId: created.answer.providerPaymentId,
          redirectUrl: created.answer.redirectUrl,
        }),
      );
      return reload(deps, payment.id);
    }
    if (created.failure === "REFUSED") {
      await inMoneyTransaction(deps, (tx) =>
        transitionPayment(tx, deps, payment, {
          from: ["INITIATED"],
          to: "FAILED",
          reasonCode: "PROVIDER_REFUSED",
          actor: actors.provider(provider.code),
        }),
      );
      return reload(deps, payment.id);
    }
    // Not taken, or taken with an unknown outcome: either way the next provider gets this payment, and the
    // first one's orphan (never paid by the player, who is sent to the next) simply expires there.
  }
  await inMoneyTransaction(deps, (tx) =>
    transitionPayment(tx, deps, payment, {
      from: ["INITIATED"],
      to: "FAILED",
      reasonCode: "PROVIDER_UNAVAILABLE",
      actor: actors.system("routing"),
    }),
  );
  return reload(deps, payment.id);
};
