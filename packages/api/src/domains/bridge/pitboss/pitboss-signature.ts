import { matchesTimestampedHmac, timestampedHmacHex } from "../../../lib/hmac-signature";

/**
 * Our protocol's signature (docs/wallet-protocol.md): `X-Pitboss-Signature: v1=<hex HMAC-SHA256(secret,
 * timestamp + "." + raw body)>` with `X-Pitboss-Timestamp: <unix seconds>`. Several `v1=` values separated by
 * commas are accepted (secret rotation). Requests more than 5 minutes off our clock are refused. The HMAC itself is
 * lib/hmac-signature, shared with the PSP webhooks.
 */
export const PITBOSS_SIGNATURE_HEADER = "x-pitboss-signature";
export const PITBOSS_TIMESTAMP_HEADER = "x-pitboss-timestamp";
export const SIGNATURE_TOLERANCE_S = 300;

export const pitbossSignature = (secret: string, timestamp: string, body: Buffer | string) =>
  timestampedHmacHex(secret, timestamp, body);

/** The headers a studio sends with a body (the conformance kit, the benchmark and the docs' example use this). */
export const signPitbossRequest = (secret: string, body: string, now: Date) => {
  const timestamp = Math.floor(now.getTime() / 1000).toString();
  return {
    "content-type": "application/json",
    [PITBOSS_TIMESTAMP_HEADER]: timestamp,
    [PITBOSS_SIGNATURE_HEADER]: `v1=${pitbossSignature(secret, timestamp, body)}`,
  };
};

export type SignatureCheck = "OK" | "INVALID_SIGNATURE" | "STALE_REQUEST";

export const checkPitbossSignature = (
  secret: string,
  headers: { get: (name: string) => string | null },
  body: Buffer,
  now: Date,
): SignatureCheck => {
  const timestamp = headers.get(PITBOSS_TIMESTAMP_HEADER) ?? "";
  const given = (headers.get(PITBOSS_SIGNATURE_HEADER) ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .map((part) => part.slice(3));
  if (!/^\d{1,12}$/.test(timestamp) || given.length === 0 || given.length > 5) return "INVALID_SIGNATURE";
  if (!matchesTimestampedHmac(secret, timestamp, body, given)) return "INVALID_SIGNATURE";
  return Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_S ? "STALE_REQUEST" : "OK";
};
