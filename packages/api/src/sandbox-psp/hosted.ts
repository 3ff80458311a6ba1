import type http from "node:http";
import { expireAbandoned, finishPayment, returnUrlOf, type SandboxContext } from "./context";
import { readBody, redirect, sendHtml } from "./http-utils";
import { bankPage, cardPage, challengePage, finishedPage, messagePage } from "./pages";
import type { SandboxInstance, SandboxPayment } from "./store";

/**
 * The browser side: the hosted payment page a player is redirected to, the 3-D Secure challenge and the way back
 * to the merchant. Form fields: card `number`, `expiry` (MM/YY), `cvc`, `name`; challenge `code`; bank `bank`;
 * the pressed button is `action` (pay | verify | approve | decline | cancel).
 */
const challengeCard = "4000000000003220";
const cardOutcomes: Record<string, "succeeded" | "challenge" | "declined" | "stuck"> = {
  "4242424242424242": "succeeded",
  [challengeCard]: "challenge",
  "4000000000000002": "declined",
  "4000000000000119": "stuck",
};
export const challengeCode = "1234";

type CardForm = { number: string; expiry: string; cvc: string; name: string };
type CardErrors = Partial<Record<keyof CardForm | "form", string>>;

const validateCard = (form: CardForm, now: number): CardErrors => {
  const errors: CardErrors = {};
  const digits = form.number.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(digits)) errors.number = "Enter the card number (12 to 19 digits).";
  else if (!cardOutcomes[digits]) errors.number = "This sandbox accepts only the test cards listed below.";
  const expiry = /^(\d{2})\s*\/\s*(\d{2}|\d{4})$/.exec(form.expiry.trim());
  const month = Number(expiry?.[1]);
  const year = Number(expiry?.[2]) < 100 ? 2000 + Number(expiry?.[2]) : Number(expiry?.[2]);
  const today = new Date(now);
  if (!expiry || month < 1 || month > 12) errors.expiry = "Enter the expiry date as MM/YY.";
  else if (year * 12 + month < today.getUTCFullYear() * 12 + today.getUTCMonth() + 1) {
    errors.expiry = "This card has expired.";
  }
  if (!/^\d{3,4}$/.test(form.cvc.trim())) errors.cvc = "Enter the 3 or 4 digit security code.";
  if (form.name.trim() === "") errors.name = "Enter the name on the card.";
  return errors;
};

const payCard = (
  context: SandboxContext,
  instance: SandboxInstance,
  payment: SandboxPayment,
  fields: URLSearchParams,
  response: http.ServerResponse,
) => {
  const form: CardForm = {
    number: fields.get("number") ?? "",
    expiry: fields.get("expiry") ?? "",
    cvc: fields.get("cvc") ?? "",
    name: fields.get("name") ?? "",
  };
  const errors = validateCard(form, context.now());
  if (Object.keys(errors).length > 0) {
    return sendHtml(response, 422, cardPage(instance.provider, payment, form, errors));
  }
  const outcome = cardOutcomes[form.number.replace(/[\s-]/g, "")];
  if (outcome === "challenge") {
    payment.stage = "challenge";
    return redirect(response, `/${instance.provider}/pay/${payment.id}/3ds`);
  }
  if (outcome === "stuck") payment.stage = "stuck";
  else if (outcome === "declined") finishPayment(context, instance, payment, "failed", "card_declined");
  else finishPayment(context, instance, payment, "succeeded");
  return redirect(response, returnUrlOf(payment));
};

/** Handles `/{provider}/pay/{id}[/3ds]`; false when the path is not a hosted page. */
export const handleHostedPage = async (
  context: SandboxContext,
  instance: SandboxInstance,
  route: string[],
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<boolean> => {
  const [id = "", step, ...rest] = route;
  if (rest.length > 0 || (step !== undefined && step !== "3ds")) return false;
  const { provider } = instance;
  if (instance.control.mode === "down") {
    sendHtml(response, 503, messagePage(provider, "Service unavailable", "The provider is down. Try again later."));
    return true;
  }
  expireAbandoned(context, instance);
  const payment = instance.payments.get(id);
  if (!payment) {
    sendHtml(response, 404, messagePage(provider, "Payment not found", "This payment link is not valid."));
    return true;
  }
  const method = request.method ?? "GET";
  if (payment.status !== "pending" || payment.stage === "stuck") {
    sendHtml(response, method === "GET" ? 200 : 409, finishedPage(provider, payment, returnUrlOf(payment)));
    return true;
  }
  const isChallenge = step === "3ds";
  if (isChallenge !== (payment.stage === "challenge")) {
    redirect(response, `/${provider}/pay/${payment.id}${payment.stage === "challenge" ? "/3ds" : ""}`);
    return true;
  }
  if (method === "GET") {
    const page = isChallenge
      ? challengePage(provider, payment)
      : instance.kind === "card"
        ? cardPage(provider, payment)
        : bankPage(provider, payment);
    sendHtml(response, 200, page);
    return true;
  }
  if (method !== "POST") return false;
  const fields = new URLSearchParams(await readBody(request));
  const action = fields.get("action");
  if (action === "cancel") {
    finishPayment(context, instance, payment, "failed", "payment_cancelled");
    redirect(response, returnUrlOf(payment));
  } else if (isChallenge) {
    if (fields.get("code")?.trim() === challengeCode) finishPayment(context, instance, payment, "succeeded");
    else finishPayment(context, instance, payment, "failed", "authentication_failed");
    redirect(response, returnUrlOf(payment));
  } else if (instance.kind === "bank") {
    if (action === "approve") finishPayment(context, instance, payment, "succeeded");
    else finishPayment(context, instance, payment, "failed", "bank_declined");
    redirect(response, returnUrlOf(payment));
  } else payCard(context, instance, payment, fields, response);
  return true;
};
