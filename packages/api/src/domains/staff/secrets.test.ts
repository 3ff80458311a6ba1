import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  checkTotp,
  decryptMfaSecret,
  encryptMfaSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpCodeAt,
  totpStepOf,
} from "./secrets";

const key = randomBytes(32);

describe("TOTP secrets at rest", () => {
  it("round-trips through AES-256-GCM and never stores the plaintext", () => {
    const secret = newTotpSecret();
    const stored = encryptMfaSecret(key, "stf_a", secret);
    expect(stored).not.toContain(secret);
    expect(stored.startsWith("v1.")).toBe(true);
    expect(decryptMfaSecret(key, "stf_a", stored)).toBe(secret);
    expect(encryptMfaSecret(key, "stf_a", secret)).not.toBe(stored);
  });

  it("does not decrypt with another key, for another staff member, or once altered", () => {
    const stored = encryptMfaSecret(key, "stf_a", newTotpSecret());
    expect(decryptMfaSecret(randomBytes(32), "stf_a", stored)).toBeNull();
    expect(decryptMfaSecret(key, "stf_b", stored)).toBeNull();
    const parts = stored.split(".");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    expect(
      decryptMfaSecret(key, "stf_a", [parts[0], parts[1], parts[2], body.toString("base64url")].join(".")),
    ).toBeNull();
    expect(decryptMfaSecret(key, "stf_a", "garbage")).toBeNull();
  });
});

describe("TOTP codes", () => {
  const at = new Date("2026-11-21T10:00:10Z");

  it("uses 160-bit secrets and accepts the current step and one either side, naming the step", async () => {
    const secret = newTotpSecret();
    expect(Buffer.from(secret, "utf8").length).toBeGreaterThanOrEqual(32);
    const step = totpStepOf(at);
    expect(await checkTotp(secret, await totpCodeAt(secret, at), at)).toEqual({ step });
    expect(await checkTotp(secret, await totpCodeAt(secret, new Date(at.getTime() + 30_000)), at)).toEqual({
      step: step + 1,
    });
    expect(await checkTotp(secret, await totpCodeAt(secret, new Date(at.getTime() - 30_000)), at)).toEqual({
      step: step - 1,
    });
    expect(await checkTotp(secret, await totpCodeAt(secret, new Date(at.getTime() + 90_000)), at)).toBeNull();
    expect(await checkTotp(secret, "12345", at)).toBeNull();
    expect(await checkTotp(secret, "abcdef", at)).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes, hashed insensitive to case and dashes", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    const [first = ""] = codes;
    expect(hashRecoveryCode(first.toUpperCase().replace("-", " "))).toBe(hashRecoveryCode(first));
    expect(hashRecoveryCode(first)).not.toContain(first.replace("-", ""));
  });
});
