import { matchesTimestampedHmac, timestampedHmacHex } from "../../lib/hmac-signature";

/**
 * PSP webhook signatures, the scheme the major providers use: `Psp-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, "<t>.<raw body>")>`. The sandbox PSP signs with `signWebhook`; our endpoint checks with
 * `verifyWebhook` over the raw bytes (never a re-serialised body). Several `v1=` values are accepted (secret
 * rotation); anything that does not parse is refused (fail closed). The HMAC itself is lib/hmac-signature, the same
 * one our studio protocol signs with; the header format and the tolerance are this scheme's own.
 */
export const WEBHOOK_SIGNATURE_HEADER = "psp-signature";
export const WEBHOOK_TOLERANCE_S = 300;

/** The header value for a body sent at `unixSeconds`. */
export const signWebhook = (secret: string, rawBody: Buffer | string, unixSeconds: number): string =>
  `t=${unixSeconds},v1=${timestampedHmacHex(secret, unixSeconds, rawBody)}`;

export type WebhookVerification =
  | { isValid: true }
  | { isValid: false; reason: "MALFORMED" | "BAD_SIGNATURE" | "STALE" };

/** Checks the signature first, then the timestamp (a stale but genuine delivery is told apart in the log). */
export const verifyWebhook = (
  secret: string,
  rawBody: Buffer | string,
  header: string | null | undefined,
  nowUnixSeconds: number,
  toleranceSeconds = WEBHOOK_TOLERANCE_S,
): WebhookVerification => {
  if (!secret || typeof header !== "string" || header.length > 1_000) return { isValid: false, reason: "MALFORMED" };
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value, ...rest] = part.trim().split("=");
    if (value === undefined || rest.length > 0) return { isValid: false, reason: "MALFORMED" };
    if (key === "t") {
      if (timestamp !== undefined) return { isValid: false, reason: "MALFORMED" };
      timestamp = value;
    } else if (key === "v1") signatures.push(value);
  }
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0 || signatures.length > 5) {
    return { isValid: false, reason: "MALFORMED" };
  }
  if (!matchesTimestampedHmac(secret, timestamp, rawBody, signatures))
    return { isValid: false, reason: "BAD_SIGNATURE" };
  if (Math.abs(nowUnixSeconds - Number(timestamp)) > toleranceSeconds) return { isValid: false, reason: "STALE" };
  return { isValid: true };
};
