import { createHash, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { z } from "zod";
import { expireAbandoned, finishPayout, type SandboxContext } from "./context";
import { parseJsonObject, readBody, sendError, sendJson, sendText } from "./http-utils";
import {
  payoutByReference,
  type SandboxInstance,
  type SandboxPayment,
  type SandboxPayout,
  sandboxId,
  settlementCsv,
} from "./store";

/**
 * The server-to-server API our adapters call: `Authorization: Bearer <apiKey>`, JSON in and out, amounts as
 * integer minor units in decimal strings, and an `Idempotency-Key` on every create (a repeat returns what the first
 * call created; the same key with another body is refused).
 */
const amountMinor = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .pipe(z.string().regex(/^[1-9]\d{0,17}$/, "a positive integer of minor units"));
const httpUrl = z.url({ protocol: /^https?$/ });
const currency = z.string().regex(/^[A-Z]{3,5}$/);
const reference = z.string().min(1).max(128);

const createPaymentBody = z.object({
  reference,
  amountMinor,
  currency,
  returnUrl: httpUrl,
  webhookUrl: httpUrl,
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  description: z.string().max(100).optional(),
});

const createPayoutBody = z.object({
  reference,
  amountMinor,
  currency,
  destination: z.string().min(1).max(200),
  webhookUrl: httpUrl,
});

const digest = (value: string) => createHash("sha256").update(value).digest();

const isAuthorized = (context: SandboxContext, instance: SandboxInstance, request: http.IncomingMessage) => {
  const header = request.headers.authorization ?? "";
  const token = header.startsWith("Bearer ") ? header.slice(7) : "";
  return token !== "" && timingSafeEqual(digest(token), digest(context.credentials(instance.provider).apiKey));
};

export const paymentView = (payment: SandboxPayment) => ({
  id: payment.id,
  reference: payment.reference,
  status: payment.status,
  amountMinor: payment.amountMinor,
  currency: payment.currency,
  ...(payment.failureCode ? { failureCode: payment.failureCode } : {}),
});

export const payoutView = (payout: SandboxPayout) => ({
  id: payout.id,
  reference: payout.reference,
  status: payout.status,
  amountMinor: payout.amountMinor,
  currency: payout.currency,
  ...(payout.failureCode ? { failureCode: payout.failureCode } : {}),
});

type Body<Schema extends z.ZodType> = { ok: true; data: z.output<Schema>; key: string; canonical: string };

/** Reads a create call: its idempotency key and validated body, or answers the error itself. */
const readCreate = async <Schema extends z.ZodType>(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  schema: Schema,
): Promise<Body<Schema> | { ok: false }> => {
  const key = request.headers["idempotency-key"];
  if (typeof key !== "string" || key.length === 0 || key.length > 255) {
    sendError(response, 400, "idempotency_key_required", "send an Idempotency-Key header (1-255 characters)");
    return { ok: false };
  }
  const json = parseJsonObject(await readBody(request));
  const parsed = json ? schema.safeParse(json) : null;
  if (!parsed?.success) {
    const issue = parsed?.error.issues[0];
    sendError(
      response,
      400,
      "invalid_request",
      issue ? `${issue.path.join(".")}: ${issue.message}` : "the body must be a JSON object",
    );
    return { ok: false };
  }
  return { ok: true, data: parsed.data, key, canonical: JSON.stringify(parsed.data) };
};

/** The earlier result for this key, `"conflict"` when it came with another body, or null when the key is new. */
const replay = (instance: SandboxInstance, scope: string, key: string, canonical: string) => {
  const earlier = instance.idempotency.get(`${scope}:${key}`);
  if (!earlier) return null;
  return earlier.body === canonical ? earlier.id : "conflict";
};

const createPayment = async (
  context: SandboxContext,
  instance: SandboxInstance,
  request: http.IncomingMessage,
  response: http.ServerResponse,
) => {
  const body = await readCreate(request, response, createPaymentBody);
  if (!body.ok) return;
  const redirectUrlOf = (id: string) => `${context.publicUrl()}/${instance.provider}/pay/${id}`;
  const earlier = replay(instance, "payments", body.key, body.canonical);
  if (earlier === "conflict") {
    return sendError(response, 409, "idempotency_key_reused", "this Idempotency-Key came with a different request");
  }
  const existing = earlier ? instance.payments.get(earlier) : undefined;
  if (existing) return sendJson(response, 201, { ...paymentView(existing), redirectUrl: redirectUrlOf(existing.id) });
  const payment: SandboxPayment = {
    ...body.data,
    id: sandboxId("pay"),
    status: "pending",
    stage: "form",
    createdAt: context.now(),
  };
  instance.payments.set(payment.id, payment);
  instance.idempotency.set(`payments:${body.key}`, { body: body.canonical, id: payment.id });
  return sendJson(response, 201, { ...paymentView(payment), redirectUrl: redirectUrlOf(payment.id) });
};

/**
 * A payout: the instant bank pays at once, a card provider answers `pending` and pays a moment later (webhook
 * either way; with `pendingPayouts` the bank does the same); a destination starting with "fail" is refused. The
 * failure modes record before they misbehave, so the truth stays findable with `GET /payouts?reference=`:
 * `error500` records a failed payout and answers 500, `timeout` pays it and hangs.
 */
const createPayout = async (
  context: SandboxContext,
  instance: SandboxInstance,
  request: http.IncomingMessage,
  response: http.ServerResponse,
) => {
  const body = await readCreate(request, response, createPayoutBody);
  if (!body.ok) return;
  const earlier = replay(instance, "payouts", body.key, body.canonical);
  if (earlier === "conflict") {
    return sendError(response, 409, "idempotency_key_reused", "this Idempotency-Key came with a different request");
  }
  const existing = earlier ? instance.payouts.get(earlier) : undefined;
  if (existing) return sendJson(response, 200, payoutView(existing));
  const { mode } = instance.control;
  const payout: SandboxPayout = { ...body.data, id: sandboxId("po"), status: "pending", createdAt: context.now() };
  instance.payouts.set(payout.id, payout);
  instance.idempotency.set(`payouts:${body.key}`, { body: body.canonical, id: payout.id });
  if (mode === "error500") {
    payout.status = "failed";
    payout.failureCode = "provider_error";
    return sendError(response, 500, "internal_error", "the provider failed while processing the payout");
  }
  if (mode === "timeout") {
    payout.status = "paid";
    payout.settledAt = context.now();
    context.later(context.payoutHangMs, () => {
      if (!response.writableEnded) sendError(response, 504, "gateway_timeout");
    });
    return;
  }
  if (payout.destination.toLowerCase().startsWith("fail")) {
    finishPayout(context, instance, payout, "failed", "payout_declined");
  } else if (instance.kind === "bank" && !instance.control.pendingPayouts) {
    finishPayout(context, instance, payout, "paid");
  } else {
    // On the sender's clock, so that waiting for the webhooks to settle also waits for this one to be sent.
    context.sender.later(instance.control.webhookDelayMs, () => finishPayout(context, instance, payout, "paid"));
  }
  return sendJson(response, 200, payoutView(payout));
};

/** Handles `/{provider}/v1/…`; false when the path is not an API route. */
export const handleApi = async (
  context: SandboxContext,
  instance: SandboxInstance,
  route: string[],
  url: URL,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<boolean> => {
  const [resource, id, ...rest] = route;
  if (rest.length > 0 || (resource !== "payments" && resource !== "payouts" && resource !== "settlements")) {
    return false;
  }
  if (instance.control.mode === "down") {
    sendError(response, 503, "service_unavailable");
    return true;
  }
  if (!isAuthorized(context, instance, request)) {
    sendError(response, 401, "unauthorized", "send Authorization: Bearer <api key>");
    return true;
  }
  const method = request.method ?? "GET";
  expireAbandoned(context, instance);
  if (resource === "payments" && !id && method === "POST") await createPayment(context, instance, request, response);
  else if (resource === "payments" && id && method === "GET") {
    const payment = instance.payments.get(id);
    if (payment) sendJson(response, 200, paymentView(payment));
    else sendError(response, 404, "not_found");
  } else if (resource === "payouts" && !id && method === "POST") {
    await createPayout(context, instance, request, response);
  } else if (resource === "payouts" && !id && method === "GET") {
    const payout = payoutByReference(instance, url.searchParams.get("reference") ?? "");
    if (payout) sendJson(response, 200, payoutView(payout));
    else sendError(response, 404, "not_found");
  } else if (resource === "settlements" && !id && method === "GET") {
    sendText(response, 200, "text/csv; charset=utf-8", settlementCsv(instance));
  } else sendError(response, 405, "method_not_allowed");
  return true;
};
