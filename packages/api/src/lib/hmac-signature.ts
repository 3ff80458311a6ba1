import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The timestamped HMAC both of our signed channels use: hex HMAC-SHA256(secret, "<timestamp>.<raw body>"). Our
 * studio protocol (bridge/pitboss) and the PSP webhooks (payments) share it; each keeps its own headers, parsing
 * and clock tolerance. The timestamp is signed as the exact text the sender put on the wire, so a verifier passes
 * it through as received rather than re-formatting a parsed number.
 */
export const timestampedHmacHex = (secret: string, timestamp: number | string, rawBody: Buffer | string): string =>
  createHmac("sha256", secret)
    .update(`${timestamp}.`)
    .update(typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody)
    .digest("hex");

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Whether any of the given hex signatures (several while a secret is being rotated) is the one for this body and
 * timestamp. Compared in constant time; a value that is not 64 lowercase hex digits never matches.
 */
export const matchesTimestampedHmac = (
  secret: string,
  timestamp: number | string,
  rawBody: Buffer | string,
  signatures: readonly string[],
): boolean => {
  const expected = Buffer.from(timestampedHmacHex(secret, timestamp, rawBody), "hex");
  return signatures.some((hex) => SHA256_HEX.test(hex) && timingSafeEqual(Buffer.from(hex, "hex"), expected));
};
