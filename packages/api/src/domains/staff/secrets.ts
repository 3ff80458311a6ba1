import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";
import { sha256Hex } from "../../lib/sha256";

/**
 * The cryptography of staff sign-in, in one place: session tokens (only their SHA-256 is stored), TOTP
 * secrets encrypted at rest with AES-256-GCM (the staff id is the associated data, so a ciphertext copied to
 * another account does not decrypt), TOTP codes (RFC 6238: SHA-1, 6 digits, 30 s) and recovery codes.
 */

/** 32 random bytes, URL-safe: what the cookie carries. */
export const newSessionToken = () => randomBytes(32).toString("base64url");

const cipherVersion = "v1";

export const encryptMfaSecret = (key: Buffer, staffId: string, secret: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(staffId));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [cipherVersion, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
};

/** The plaintext secret, or null when the ciphertext was altered, moved to another account or the key changed. */
export const decryptMfaSecret = (key: Buffer, staffId: string, stored: string): string | null => {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== cipherVersion || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(staffId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
};

/** 20 random bytes (160 bits, above RFC 4226's 128-bit minimum), base32 as authenticator apps expect. */
export const newTotpSecret = () => generateSecret({ length: 20 });

export const totpUri = (secret: string, email: string) =>
  generateURI({ issuer: "Pitboss Back Office", label: email, secret });

const periodSeconds = 30;
export const totpStepOf = (at: Date) => Math.floor(at.getTime() / 1000 / periodSeconds);

/**
 * Checks a 6-digit code at instant `at`, accepting one step either side for clock drift, and says which time
 * step it belongs to (the caller refuses a step at or before the last one used).
 */
export const checkTotp = async (secret: string, code: string, at: Date): Promise<{ step: number } | null> => {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: periodSeconds,
  });
  // TOTP results carry the matched time step (HOTP results, the other half of the union type, do not).
  const step = result.valid && "timeStep" in result ? result.timeStep : undefined;
  return typeof step === "number" ? { step } : null;
};

/** The code for instant `at` (tests and the e2e fixtures compute codes the same way an authenticator does). */
export const totpCodeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

// 32 symbols (Crockford base32, lower case): a byte modulo 32 is unbiased.
const recoveryAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

/** Ten single-use codes like `k7m2p-x9q4r` (about 49 bits each); shown once, stored hashed. */
export const newRecoveryCodes = (count = 10): string[] =>
  Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = Array.from(bytes, (b) => recoveryAlphabet[b % recoveryAlphabet.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });

export const normaliseRecoveryCode = (code: string) =>
  code
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
export const hashRecoveryCode = (code: string) => sha256Hex(`recovery:${normaliseRecoveryCode(code)}`);

/** A one-time password for a new or reset staff account: 20 characters from an unambiguous alphabet. */
export const newOneTimePassword = () =>
  Array.from(randomBytes(20), (b) => recoveryAlphabet[b % recoveryAlphabet.length]).join("");
