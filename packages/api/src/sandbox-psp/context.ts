import type { Logger } from "@pitboss/db";
import type { PspCredentials, SandboxPspProvider } from "./credentials";
import {
  paymentData,
  payoutData,
  type SandboxInstance,
  type SandboxPayment,
  type SandboxPaymentStatus,
  type SandboxPayout,
} from "./store";
import type { WebhookSender } from "./webhooks";

/** What the API and the hosted pages share: the instances, the webhook sender, the clock and the settings. */
export type SandboxContext = {
  instances: Map<SandboxPspProvider, SandboxInstance>;
  sender: WebhookSender;
  credentials: (provider: string) => PspCredentials;
  now: () => number;
  logger: Logger;
  /** The browser-facing base URL of the hosted pages, without a trailing slash. */
  publicUrl: () => string;
  paymentTtlMs: number;
  payoutHangMs: number;
  /** Runs later unless the sandbox closes first. */
  later: (delayMs: number, run: () => void) => void;
};

/** Where the browser goes after the outcome: the merchant's return URL with `?payment=<reference>`. */
export const returnUrlOf = (payment: SandboxPayment) => {
  const url = new URL(payment.returnUrl);
  url.searchParams.set("payment", payment.reference);
  return url.toString();
};

/** Settles a pending payment once and tells the merchant; a payment already final stays as it is. */
export const finishPayment = (
  context: SandboxContext,
  instance: SandboxInstance,
  payment: SandboxPayment,
  status: Exclude<SandboxPaymentStatus, "pending">,
  failureCode?: string,
) => {
  if (payment.status !== "pending") return;
  payment.status = status;
  payment.stage = "done";
  if (failureCode) payment.failureCode = failureCode;
  if (status === "succeeded") payment.settledAt = context.now();
  context.sender.emit(instance, payment.webhookUrl, `payment.${status}`, paymentData(payment));
};

export const finishPayout = (
  context: SandboxContext,
  instance: SandboxInstance,
  payout: SandboxPayout,
  status: "paid" | "failed",
  failureCode?: string,
) => {
  if (payout.status !== "pending") return;
  payout.status = status;
  if (failureCode) payout.failureCode = failureCode;
  if (status === "paid") payout.settledAt = context.now();
  context.sender.emit(instance, payout.webhookUrl, `payout.${status}`, payoutData(payout));
};

/**
 * A payment left on the hosted page (never submitted, or abandoned at the challenge) expires after the TTL and the
 * merchant hears of it. The "never completes" test card is the exception on purpose: it stays pending and silent,
 * so only our own expiry job can close it.
 */
export const expireAbandoned = (context: SandboxContext, instance: SandboxInstance) => {
  const cutoff = context.now() - context.paymentTtlMs;
  for (const payment of instance.payments.values()) {
    if (payment.status === "pending" && payment.stage !== "stuck" && payment.createdAt <= cutoff) {
      finishPayment(context, instance, payment, "expired");
    }
  }
};
