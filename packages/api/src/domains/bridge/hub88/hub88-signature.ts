import { createPrivateKey, type KeyObject, sign, verify } from "node:crypto";

/**
 * Hub88's request signature: `X-Hub88-Signature` = base64(RSA-SHA256(raw body)) with the sender's private key,
 * verified with its public key over the exact bytes received (never a re-serialization of the parsed JSON).
 */
export const HUB88_SIGNATURE_HEADER = "x-hub88-signature";

export const signHub88 = (body: Buffer | string, privateKey: KeyObject | string): string =>
  sign(
    "sha256",
    typeof body === "string" ? Buffer.from(body, "utf8") : body,
    typeof privateKey === "string" ? createPrivateKey(privateKey) : privateKey,
  ).toString("base64");

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const verifyHub88 = (body: Buffer, signature: string | null, publicKey: KeyObject): boolean => {
  if (!signature || signature.length > 2048 || !base64.test(signature.trim())) return false;
  try {
    return verify("sha256", body, publicKey, Buffer.from(signature.trim(), "base64"));
  } catch {
    return false;
  }
};
