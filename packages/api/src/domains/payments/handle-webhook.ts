import { sha256Hex } from "../../lib/sha256";
import { inMoneyTransaction, type MoneyTx } from "../money-transaction";
import { applyDepositOutcome } from "./apply-deposit-outcome";
import { applyPayoutOutcome } from "./apply-payout-outcome";
import { type PaymentDeps, paymentSettingsOf } from "./payment-settings";
import { actors } from "./payment-transitions";
import {
  claimWebhookEvent,
  findPayment,
  type PaymentRow,
  setWebhookOutcome,
  type WebhookRecord,
} from "./payments.repo";
import type { ProviderEvent } from "./provider-port";

export type WebhookDelivery = {
  provider: string;
  body: Buffer;
  headers: { get: (name: string) => string | null };
  requestId: string;
};

/** 200: recorded (applied, or nothing to change); 400: refused, no state change; 404: no such provider. */
export type WebhookAnswer = { status: 200 | 400 | 404; outcome: WebhookRecord["outcome"] | "UNKNOWN_PROVIDER" };

const answerOf = (outcome: WebhookRecord["outcome"]): WebhookAnswer => ({
  status: outcome === "APPLIED" || outcome === "NO_CHANGE" || outcome === "MISMATCH" ? 200 : 400,
  outcome,
});

/** Whether the event is about this payment at all, and agrees with it. */
const checkEvent = (payment: PaymentRow | null, event: ProviderEvent, provider: string) => {
  const isDepositEvent = event.type.startsWith("payment.");
  if (!payment || (payment.direction === "DEPOSIT") !== isDepositEvent) return "UNKNOWN_PAYMENT" as const;
  const isSameMoney = payment.amountMinor === event.amountMinor && payment.currency === event.currency;
  const isSameProvider = payment.provider === null || payment.provider === provider;
  return isSameMoney && isSameProvider ? ("OK" as const) : ("MISMATCH" as const);
};

const applyEvent = async (
  deps: PaymentDeps,
  tx: MoneyTx,
  payment: PaymentRow,
  event: ProviderEvent,
  provider: string,
) => {
  const actor = actors.provider(provider);
  switch (event.type) {
    case "payment.succeeded":
    case "payment.failed":
    case "payment.expired":
      return applyDepositOutcome(
        tx,
        deps,
        payment,
        {
          status:
            event.type === "payment.succeeded" ? "succeeded" : event.type === "payment.failed" ? "failed" : "expired",
          failureCode: event.failureCode,
          provider,
          providerPaymentId: event.providerPaymentId,
        },
        actor,
      );
    case "payout.paid":
    case "payout.failed":
      return applyPayoutOutcome(
        tx,
        deps,
        payment,
        {
          status: event.type === "payout.paid" ? "paid" : "failed",
          failureCode: event.failureCode,
          provider,
          providerPayoutId: event.providerPaymentId,
        },
        actor,
      );
  }
};

/**
 * A provider's webhook, verified over the raw body before anything is believed (fail closed): a bad or missing
 * signature, an old timestamp, an unreadable body or an unknown payment is refused with 400 and changes nothing.
 * A verified event is recorded once per (provider, event id) in the same transaction as its effect, so a duplicate,
 * a retry or a concurrent delivery finds it and changes nothing; the effect itself is order-safe (see
 * applyDepositOutcome and applyPayoutOutcome), so a late or out-of-order event cannot undo or double anything.
 */
export const handlePaymentWebhook = async (deps: PaymentDeps, delivery: WebhookDelivery): Promise<WebhookAnswer> => {
  const provider = paymentSettingsOf(deps).providers.get(delivery.provider);
  const log = deps.logger.child({ provider: delivery.provider, requestId: delivery.requestId });
  if (!provider) {
    log.warn("payment webhook for an unknown provider");
    return { status: 404, outcome: "UNKNOWN_PROVIDER" };
  }
  const at = deps.now();
  const record: WebhookRecord = {
    id: deps.newId("webhookEvent"),
    provider: provider.code,
    eventId: null,
    eventType: null,
    paymentId: null,
    bodySha256: sha256Hex(delivery.body),
    isSignatureValid: false,
    outcome: "INVALID_SIGNATURE",
    requestId: delivery.requestId,
    at,
  };
  const refuse = async (outcome: WebhookRecord["outcome"], detail: Partial<WebhookRecord> = {}) => {
    await inMoneyTransaction(deps, (tx) => claimWebhookEvent(tx, { ...record, ...detail, outcome }));
    log.warn({ outcome, eventId: detail.eventId ?? null }, "payment webhook refused");
    return answerOf(outcome);
  };

  const verification = provider.verifyWebhook(delivery.body, delivery.headers, Math.floor(at.getTime() / 1000));
  if (!verification.isValid) {
    // The body is not trusted, but naming the payment it claims to be about shows staff the attempt.
    let claimed: PaymentRow | null = null;
    try {
      claimed = await findPayment(deps.db.prisma, provider.parseWebhookEvent(delivery.body).reference);
    } catch {}
    return refuse(verification.reason === "STALE" ? "STALE" : "INVALID_SIGNATURE", {
      paymentId: claimed?.provider === provider.code ? claimed.id : null,
    });
  }
  let event: ProviderEvent;
  try {
    event = provider.parseWebhookEvent(delivery.body);
  } catch {
    return refuse("MALFORMED", { isSignatureValid: true });
  }
  const verified = { isSignatureValid: true, eventId: event.eventId, eventType: event.type };
  const payment = await findPayment(deps.db.prisma, event.reference);
  const check = checkEvent(payment, event, provider.code);
  if (check === "UNKNOWN_PAYMENT" || !payment) return refuse("UNKNOWN_PAYMENT", verified);

  const answer = await inMoneyTransaction(deps, async (tx) => {
    const earlier = await claimWebhookEvent(tx, {
      ...record,
      ...verified,
      paymentId: payment.id,
      outcome: "NO_CHANGE",
    });
    if (earlier) return { ...answerOf(earlier as WebhookRecord["outcome"]), isDuplicate: true };
    const outcome =
      check === "MISMATCH"
        ? "MISMATCH"
        : (await applyEvent(deps, tx, payment, event, provider.code))
          ? "APPLIED"
          : "NO_CHANGE";
    if (outcome !== "NO_CHANGE") await setWebhookOutcome(tx, record.id, outcome);
    return { ...answerOf(outcome), isDuplicate: false };
  });
  const context = { eventId: event.eventId, type: event.type, paymentId: payment.id, outcome: answer.outcome };
  if (answer.outcome === "MISMATCH") log.error(context, "payment webhook disagrees with the payment; nothing changed");
  else log.info({ ...context, isDuplicate: answer.isDuplicate }, "payment webhook");
  return { status: answer.status, outcome: answer.outcome };
};
