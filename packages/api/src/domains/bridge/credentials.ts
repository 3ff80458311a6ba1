import { createPublicKey, type KeyObject } from "node:crypto";
import type { StudioCredential, StudioCredentials } from "./bridge.types";

/** The provider code the demo studio runs under (seeded with its game; its key comes from DEMO_STUDIO_PUBLIC_KEY). */
export const DEMO_STUDIO_PROVIDER = "demostudio";

/** A public key from PEM, or from base64 DER (SubjectPublicKeyInfo), as env files often hold it on one line. */
export const parsePublicKey = (text: string): KeyObject => {
  const trimmed = text.trim().replaceAll("\\n", "\n");
  return trimmed.startsWith("-----BEGIN")
    ? createPublicKey(trimmed)
    : createPublicKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "spki" });
};

type RawCredentials = Record<string, { secret?: string; publicKey?: string }>;

/**
 * The studios' credentials, parsed once. A key that does not parse makes that provider unusable (every request is
 * refused as badly signed) and is reported by `invalid`, never thrown at request time.
 */
export const credentialsFrom = (
  raw: RawCredentials,
  demoStudioPublicKey?: string,
): StudioCredentials & {
  invalid: string[];
} => {
  const parsed = new Map<string, StudioCredential>();
  const invalid: string[] = [];
  const entries = Object.entries(raw);
  if (demoStudioPublicKey && !raw[DEMO_STUDIO_PROVIDER]) {
    entries.push([DEMO_STUDIO_PROVIDER, { publicKey: demoStudioPublicKey }]);
  }
  for (const [code, credential] of entries) {
    try {
      parsed.set(code, {
        ...(credential.secret ? { secret: credential.secret } : {}),
        ...(credential.publicKey ? { publicKey: parsePublicKey(credential.publicKey) } : {}),
      });
    } catch {
      invalid.push(code);
    }
  }
  return { get: (code) => parsed.get(code) ?? null, invalid };
};
