import { DomainError, isDomainError } from "@pitboss/db";
import type { PaymentMethod } from "./payments.schemas";
import type { WebhookVerification } from "./webhook-signature";

/**
 * The payment-provider port: everything the payments domain needs from a PSP. An adapter implements it for one
 * provider (or one protocol serving several instances); the registry names them. Adding a provider is a new
 * adapter, an entry in the registry's composition (providers/index.ts) and a routing row: no core code changes.
 * Amounts cross the port as bigint minor units; the adapter owns its wire format.
 */
export type PaymentProvider = {
  /** Our code for it (`cardpay`): the routing key, the PSP_CLEARING scope and the webhook path segment. */
  code: string;
  methods: readonly PaymentMethod[];
  createPayment: (input: CreatePaymentInput) => Promise<CreatedPayment>;
  getPayment: (providerPaymentId: string) => Promise<ProviderPaymentState>;
  createPayout: (input: CreatePayoutInput) => Promise<ProviderPayoutState>;
  /** The payout the provider holds under our reference, or null when it has none (never received it). */
  findPayout: (reference: string) => Promise<ProviderPayoutState | null>;
  /** true when the provider answers its health check. */
  health: () => Promise<boolean>;
  /** Checks a webhook's signature over the raw body; fail closed. */
  verifyWebhook: (
    rawBody: Buffer,
    headers: { get: (name: string) => string | null },
    nowUnixSeconds: number,
  ) => WebhookVerification;
  /** Reads a verified webhook body; throws INVALID_INPUT when it does not parse. */
  parseWebhookEvent: (rawBody: Buffer) => ProviderEvent;
  /** The provider's settlement report (CSV), when it offers one over its API. */
  fetchSettlementReport?: () => Promise<string>;
};

export type CreatePaymentInput = {
  /** Our payment id: the provider echoes it back in webhooks and reports. */
  reference: string;
  amountMinor: bigint;
  currency: string;
  country: string;
  returnUrl: string;
  webhookUrl: string;
  description: string;
  /** Sent as the provider's idempotency key, so a retried create never makes two payments. */
  idempotencyKey: string;
};
export type CreatedPayment = { providerPaymentId: string; redirectUrl: string };

export type ProviderPaymentState = {
  providerPaymentId: string;
  reference: string;
  status: "pending" | "succeeded" | "failed" | "expired";
  amountMinor: bigint;
  currency: string;
  failureCode: string | null;
};

export type CreatePayoutInput = {
  reference: string;
  amountMinor: bigint;
  currency: string;
  /** Where the money goes, in the provider's terms (the sandbox takes any opaque string). */
  destination: string;
  webhookUrl: string;
  idempotencyKey: string;
};
export type ProviderPayoutState = {
  providerPayoutId: string;
  reference: string;
  status: "paid" | "pending" | "failed";
  amountMinor: bigint | null;
  currency: string | null;
  failureCode: string | null;
};

export type ProviderEvent = {
  eventId: string;
  type: "payment.succeeded" | "payment.failed" | "payment.expired" | "payout.paid" | "payout.failed";
  createdUnix: number;
  /** Our payment id. */
  reference: string;
  providerPaymentId: string;
  amountMinor: bigint;
  currency: string;
  failureCode: string | null;
};

/**
 * How a call to a provider failed. UNREACHABLE (no connection) and UNAVAILABLE (503) mean the request was not
 * taken, so another provider may take it; TIMEOUT and SERVER_ERROR leave the outcome unknown; REFUSED (4xx) is a
 * definite no.
 */
export type ProviderFailure = "UNREACHABLE" | "UNAVAILABLE" | "TIMEOUT" | "SERVER_ERROR" | "REFUSED";

export const providerError = (provider: string, failure: ProviderFailure, detail?: string) =>
  new DomainError("UNAVAILABLE", {
    message: `payment provider ${provider}: ${failure}${detail ? ` (${detail})` : ""}`,
    meta: { provider, failure },
  });

/** The failure kind of a provider call, or null when the error did not come from a provider call. */
export const providerFailureOf = (error: unknown): ProviderFailure | null =>
  isDomainError(error) && error.code === "UNAVAILABLE" && typeof error.meta?.failure === "string"
    ? (error.meta.failure as ProviderFailure)
    : null;

/** Not taken by the provider: safe to send to another one (or again later). */
export const isNotSent = (failure: ProviderFailure | null) => failure === "UNREACHABLE" || failure === "UNAVAILABLE";

/** The stable code a player and staff see for an unknown provider outcome. */
export const heldReasonOf = (failure: ProviderFailure | null) =>
  failure === "TIMEOUT" ? "PROVIDER_TIMEOUT" : "PROVIDER_ERROR";

export type ProviderRegistry = {
  get: (code: string) => PaymentProvider | undefined;
  all: () => readonly PaymentProvider[];
};

export const createProviderRegistry = (providers: readonly PaymentProvider[]): ProviderRegistry => {
  const byCode = new Map(providers.map((provider) => [provider.code, provider]));
  return { get: (code) => byCode.get(code), all: () => providers };
};

/** A provider's failure code (`card_declined`) as the stable reason code the UIs translate (`CARD_DECLINED`). */
export const reasonCodeOf = (failureCode: string | null | undefined, fallback: string): string => {
  const code = (failureCode ?? "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[A-Z][A-Z0-9_]{1,63}$/.test(code) ? code : fallback;
};
