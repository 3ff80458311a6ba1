/**
 * Plays the player's browser on the sandbox's hosted pages over plain HTTP, for integration tests that need a
 * deposit to reach its outcome without Chromium: opens the page, submits the card (answering the 3-D Secure
 * challenge when one comes) or the bank's decision, and reports where the browser was sent.
 */
import { challengeCode } from "./hosted";

export type HostedPaymentAction =
  | { card: string; expiry?: string; cvc?: string; name?: string; otp?: string }
  | { bank: "approve" | "decline" }
  | { cancel: true };

export type HostedPaymentResult = {
  /** The last response's status: 303 when the sandbox sent the browser somewhere, 422 for a refused form. */
  status: number;
  /** Absolute URL the browser was sent to last (the merchant's return URL once there is an outcome). */
  location: string | null;
};

const submit = async (url: string, fields: Record<string, string>) => {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
  await response.arrayBuffer();
  const location = response.headers.get("location");
  return { status: response.status, location: location ? new URL(location, url).toString() : null };
};

export const completeHostedPayment = async (
  redirectUrl: string,
  action: HostedPaymentAction,
): Promise<HostedPaymentResult> => {
  const page = await fetch(redirectUrl);
  await page.arrayBuffer();
  if (page.status !== 200) return { status: page.status, location: null };
  if ("cancel" in action) return submit(redirectUrl, { action: "cancel" });
  if ("bank" in action) return submit(redirectUrl, { action: action.bank, bank: "Demo Savings Bank" });
  const paid = await submit(redirectUrl, {
    action: "pay",
    number: action.card,
    expiry: action.expiry ?? "12/39",
    cvc: action.cvc ?? "123",
    name: action.name ?? "Test Player",
  });
  if (!paid.location?.endsWith("/3ds")) return paid;
  return submit(paid.location, { action: "verify", code: action.otp ?? challengeCode });
};
