import { randomBytes } from "node:crypto";
import { type SandboxPspKind, type SandboxPspProvider, sandboxPspKind, sandboxPspProviders } from "./credentials";

/**
 * The sandbox's memory: one instance per provider with its payments, payouts, idempotency keys, sent events and
 * test-control switches. A restart forgets everything, as a sandbox may.
 */
export type SandboxMode = "ok" | "down" | "error500" | "timeout";
export type SandboxControl = {
  mode: SandboxMode;
  webhookDelayMs: number;
  duplicateWebhooks: boolean;
  reorderWebhooks: boolean;
  /** New payouts are answered `pending` and paid `webhookDelayMs` later, as a card provider does, even by a bank. */
  pendingPayouts: boolean;
};

export type SandboxPaymentStatus = "pending" | "succeeded" | "failed" | "expired";
/** Where the browser is in the hosted flow; `stuck` is the test card that never completes. */
export type SandboxPaymentStage = "form" | "challenge" | "stuck" | "done";

export type SandboxPayment = {
  id: string;
  reference: string;
  amountMinor: string;
  currency: string;
  returnUrl: string;
  webhookUrl: string;
  country?: string;
  description?: string;
  status: SandboxPaymentStatus;
  stage: SandboxPaymentStage;
  failureCode?: string;
  createdAt: number;
  settledAt?: number;
};

export type SandboxPayoutStatus = "paid" | "pending" | "failed";
export type SandboxPayout = {
  id: string;
  reference: string;
  amountMinor: string;
  currency: string;
  destination: string;
  webhookUrl: string;
  status: SandboxPayoutStatus;
  failureCode?: string;
  createdAt: number;
  settledAt?: number;
};

export type SandboxEventType =
  | "payment.succeeded"
  | "payment.failed"
  | "payment.expired"
  | "payout.paid"
  | "payout.failed";

export type SandboxEvent = {
  id: string;
  type: SandboxEventType;
  created: number;
  data: { id: string; reference: string; amountMinor: string; currency: string; status: string; failureCode?: string };
};

/** What the sandbox remembers of each delivery, for `GET /{provider}/_events` (tests and curious humans). */
export type SandboxDelivery = {
  event: SandboxEvent;
  url: string;
  attempts: number;
  lastStatus: number | string | null;
  isDelivered: boolean;
};

export type SandboxInstance = {
  provider: SandboxPspProvider;
  kind: SandboxPspKind;
  control: SandboxControl;
  payments: Map<string, SandboxPayment>;
  payouts: Map<string, SandboxPayout>;
  /** `<endpoint>:<Idempotency-Key>` → the body it was first sent with and what it created. */
  idempotency: Map<string, { body: string; id: string }>;
  deliveries: SandboxDelivery[];
};

export const defaultControl = (webhookDelayMs: number): SandboxControl => ({
  mode: "ok",
  webhookDelayMs,
  duplicateWebhooks: false,
  reorderWebhooks: false,
  pendingPayouts: false,
});

export const createInstances = (webhookDelayMs: number) =>
  new Map<SandboxPspProvider, SandboxInstance>(
    sandboxPspProviders.map((provider) => [
      provider,
      {
        provider,
        kind: sandboxPspKind(provider),
        control: defaultControl(webhookDelayMs),
        payments: new Map(),
        payouts: new Map(),
        idempotency: new Map(),
        deliveries: [],
      },
    ]),
  );

/** Provider-style opaque ids (`pay_…`, `po_…`, `evt_…`) from the CSPRNG. */
export const sandboxId = (prefix: "pay" | "po" | "evt") => `${prefix}_${randomBytes(12).toString("hex")}`;

export const paymentData = (payment: SandboxPayment): SandboxEvent["data"] => ({
  id: payment.id,
  reference: payment.reference,
  amountMinor: payment.amountMinor,
  currency: payment.currency,
  status: payment.status,
  ...(payment.failureCode ? { failureCode: payment.failureCode } : {}),
});

export const payoutData = (payout: SandboxPayout): SandboxEvent["data"] => ({
  id: payout.id,
  reference: payout.reference,
  amountMinor: payout.amountMinor,
  currency: payout.currency,
  status: payout.status,
  ...(payout.failureCode ? { failureCode: payout.failureCode } : {}),
});

/** The payout with this merchant reference; the newest when a merchant (wrongly) reused one. */
export const payoutByReference = (instance: SandboxInstance, reference: string) =>
  [...instance.payouts.values()].filter((p) => p.reference === reference).at(-1);

const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The settlement report: every deposit that succeeded and every payout paid, in the order they settled. */
export const settlementCsv = (instance: SandboxInstance): string => {
  const rows = [
    ...[...instance.payments.values()]
      .filter((p) => p.status === "succeeded" && p.settledAt !== undefined)
      .map((p) => ({ item: p, type: "deposit", settledAt: p.settledAt ?? 0 })),
    ...[...instance.payouts.values()]
      .filter((p) => p.status === "paid" && p.settledAt !== undefined)
      .map((p) => ({ item: p, type: "payout", settledAt: p.settledAt ?? 0 })),
  ].sort((a, b) => a.settledAt - b.settledAt);
  const header = "provider_reference,merchant_reference,type,amount_minor,currency,status,settled_at";
  return `${[
    header,
    ...rows.map(({ item, type, settledAt }) =>
      [item.id, item.reference, type, item.amountMinor, item.currency, item.status, new Date(settledAt).toISOString()]
        .map(csvField)
        .join(","),
    ),
  ].join("\n")}\n`;
};
