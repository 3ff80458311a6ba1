import { DomainError } from "@pitboss/db";
import { z } from "zod";
import type { PaymentMethod } from "../payments.schemas";
import {
  type PaymentProvider,
  type ProviderEvent,
  type ProviderFailure,
  type ProviderPayoutState,
  providerError,
} from "../provider-port";
import { verifyWebhook, WEBHOOK_SIGNATURE_HEADER } from "../webhook-signature";
import { providerCredentials } from "./credentials";

/**
 * The adapter for the sandbox PSP's protocol (packages/api/src/sandbox-psp): JSON over HTTPS-style REST, a bearer
 * API key, an Idempotency-Key on creates, amounts as integer minor units in decimal strings, webhooks signed with
 * `Psp-Signature`. One adapter per provider instance (`cardpay`, `cardplus`, `instabank`), each under its own path.
 */
export type SandboxProviderOptions = {
  code: string;
  methods: readonly PaymentMethod[];
  /** The sandbox's base URL (PSP_SANDBOX_URL), without the provider segment. */
  baseUrl: string;
  /** How long a call may take before its outcome counts as unknown. */
  timeoutMs: number;
  credentials?: { apiKey: string; webhookSecret: string };
};

const minor = z
  .union([z.string().regex(/^\d{1,19}$/), z.number().int().nonnegative()])
  .transform((value) => BigInt(value));
const paymentState = z.object({
  id: z.string().min(1),
  reference: z.string(),
  status: z.enum(["pending", "succeeded", "failed", "expired"]),
  amountMinor: minor,
  currency: z.string(),
  failureCode: z.string().optional(),
});
const createdPayment = z.object({ id: z.string().min(1), redirectUrl: z.url() });
const payoutState = z.object({
  id: z.string().min(1),
  reference: z.string().optional(),
  status: z.enum(["paid", "pending", "failed"]),
  amountMinor: minor.optional(),
  currency: z.string().optional(),
  failureCode: z.string().optional(),
});
const webhookEvent = z.object({
  id: z.string().min(1).max(200),
  type: z.enum(["payment.succeeded", "payment.failed", "payment.expired", "payout.paid", "payout.failed"]),
  created: z.number().int().nonnegative(),
  data: z.object({
    id: z.string().min(1).max(200),
    reference: z.string().min(1).max(200),
    amountMinor: minor,
    currency: z.string().min(3).max(8),
    status: z.string().optional(),
    failureCode: z.string().max(100).optional(),
  }),
});

const failureOfStatus = (status: number): ProviderFailure =>
  status === 503 ? "UNAVAILABLE" : status >= 500 ? "SERVER_ERROR" : "REFUSED";

/** A connection that was never made (refused, no route, unknown host): the provider did not get the request. */
const isConnectFailure = (error: unknown) => {
  const code = (error as { cause?: { code?: string } }).cause?.code ?? "";
  return ["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"].includes(code);
};

export const sandboxProvider = (options: SandboxProviderOptions): PaymentProvider => {
  const credentials = options.credentials ?? providerCredentials(options.code);
  const root = `${options.baseUrl.replace(/\/+$/, "")}/${options.code}`;

  const call = async (
    method: "GET" | "POST",
    path: string,
    body?: Record<string, unknown>,
    idempotencyKey?: string,
  ): Promise<{ status: number; text: string }> => {
    let response: Response;
    try {
      response = await fetch(`${root}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${credentials.apiKey}`,
          accept: "application/json",
          ...(body ? { "content-type": "application/json" } : {}),
          ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
        },
        body: body ? JSON.stringify(body, (_, v) => (typeof v === "bigint" ? v.toString() : v)) : undefined,
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: "error",
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      const name = (error as Error).name;
      if (name === "TimeoutError" || name === "AbortError") throw providerError(options.code, "TIMEOUT");
      if (isConnectFailure(error)) throw providerError(options.code, "UNREACHABLE", (error as Error).message);
      // The connection broke after the request may have left: the outcome is unknown.
      throw providerError(options.code, "SERVER_ERROR", (error as Error).message);
    }
  };

  const json = <Schema extends z.ZodType>(schema: Schema, text: string): z.output<Schema> => {
    try {
      return schema.parse(JSON.parse(text));
    } catch {
      // A 2xx we cannot read: the provider did something, we do not know what.
      throw providerError(options.code, "SERVER_ERROR", "unreadable response");
    }
  };

  const ok = async (
    method: "GET" | "POST",
    path: string,
    body?: Record<string, unknown>,
    idempotencyKey?: string,
  ): Promise<string> => {
    const result = await call(method, path, body, idempotencyKey);
    if (result.status < 200 || result.status >= 300) {
      throw providerError(options.code, failureOfStatus(result.status), `HTTP ${result.status}`);
    }
    return result.text;
  };

  const payoutOf = (raw: z.output<typeof payoutState>, reference: string): ProviderPayoutState => ({
    providerPayoutId: raw.id,
    reference: raw.reference ?? reference,
    status: raw.status,
    amountMinor: raw.amountMinor ?? null,
    currency: raw.currency ?? null,
    failureCode: raw.failureCode ?? null,
  });

  return {
    code: options.code,
    methods: options.methods,
    createPayment: async (input) => {
      const created = json(
        createdPayment,
        await ok(
          "POST",
          "/v1/payments",
          {
            reference: input.reference,
            amountMinor: input.amountMinor,
            currency: input.currency,
            returnUrl: input.returnUrl,
            webhookUrl: input.webhookUrl,
            country: input.country,
            description: input.description.slice(0, 100),
          },
          input.idempotencyKey,
        ),
      );
      return { providerPaymentId: created.id, redirectUrl: created.redirectUrl };
    },
    getPayment: async (providerPaymentId) => {
      const state = json(paymentState, await ok("GET", `/v1/payments/${encodeURIComponent(providerPaymentId)}`));
      return {
        providerPaymentId: state.id,
        reference: state.reference,
        status: state.status,
        amountMinor: state.amountMinor,
        currency: state.currency,
        failureCode: state.failureCode ?? null,
      };
    },
    createPayout: async (input) =>
      payoutOf(
        json(
          payoutState,
          await ok(
            "POST",
            "/v1/payouts",
            {
              reference: input.reference,
              amountMinor: input.amountMinor,
              currency: input.currency,
              destination: input.destination,
              webhookUrl: input.webhookUrl,
            },
            input.idempotencyKey,
          ),
        ),
        input.reference,
      ),
    findPayout: async (reference) => {
      const result = await call("GET", `/v1/payouts?reference=${encodeURIComponent(reference)}`);
      if (result.status === 404) return null;
      if (result.status < 200 || result.status >= 300) {
        throw providerError(options.code, failureOfStatus(result.status), `HTTP ${result.status}`);
      }
      return payoutOf(json(payoutState, result.text), reference);
    },
    health: async () => {
      try {
        const response = await fetch(`${root}/health`, { signal: AbortSignal.timeout(options.timeoutMs) });
        await response.arrayBuffer();
        return response.ok;
      } catch {
        return false;
      }
    },
    verifyWebhook: (rawBody, headers, nowUnixSeconds) =>
      verifyWebhook(credentials.webhookSecret, rawBody, headers.get(WEBHOOK_SIGNATURE_HEADER), nowUnixSeconds),
    parseWebhookEvent: (rawBody): ProviderEvent => {
      let parsed: z.output<typeof webhookEvent>;
      try {
        parsed = webhookEvent.parse(JSON.parse(rawBody.toString("utf8")));
      } catch {
        throw new DomainError("INVALID_INPUT", { message: `${options.code}: unreadable webhook body` });
      }
      return {
        eventId: parsed.id,
        type: parsed.type,
        createdUnix: parsed.created,
        reference: parsed.data.reference,
        providerPaymentId: parsed.data.id,
        amountMinor: parsed.data.amountMinor,
        currency: parsed.data.currency,
        failureCode: parsed.data.failureCode ?? null,
      };
    },
    fetchSettlementReport: () => ok("GET", "/v1/settlements"),
  };
};
