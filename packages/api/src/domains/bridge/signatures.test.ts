import { createHash, createPublicKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { credentialsFrom, parsePublicKey } from "./credentials";
import { fingerprintOf } from "./fingerprint";
import { signHub88, verifyHub88 } from "./hub88/hub88-signature";
import { jsonBody, RawNumber, reEcho, toJson } from "./json";
import { checkPitbossSignature, pitbossSignature, signPitbossRequest } from "./pitboss/pitboss-signature";
import { pragmaticHash, signPragmaticForm, verifyPragmatic } from "./pragmatic/pragmatic-hash";

const { privateKey, publicKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const key = createPublicKey(publicKey);
const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

describe("Hub88 RSA-SHA256 signature", () => {
  const body = Buffer.from('{"user":"ply_1","request_uuid":"583c985f","amount":100000}');

  it("verifies over the exact bytes received", () => {
    expect(verifyHub88(body, signHub88(body, privateKey), key)).toBe(true);
  });

  it("fails for one changed byte, reordered keys, whitespace, another key, garbage or no signature", () => {
    const signature = signHub88(body, privateKey);
    expect(verifyHub88(Buffer.from(body.toString().replace("100000", "100001")), signature, key)).toBe(false);
    expect(verifyHub88(Buffer.from('{"request_uuid":"583c985f","user":"ply_1","amount":100000}'), signature, key)).toBe(
      false,
    );
    expect(verifyHub88(Buffer.from(`${body} `), signature, key)).toBe(false);
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
    expect(verifyHub88(body, signHub88(body, other.privateKey), key)).toBe(false);
    expect(verifyHub88(body, "not base64 !!", key)).toBe(false);
    expect(verifyHub88(body, null, key)).toBe(false);
  });

  it("public keys load from PEM and from one-line base64 DER", () => {
    const der = createPublicKey(publicKey).export({ type: "spki", format: "der" }).toString("base64");
    expect(verifyHub88(body, signHub88(body, privateKey), parsePublicKey(der))).toBe(true);
    expect(verifyHub88(body, signHub88(body, privateKey), parsePublicKey(publicKey.replaceAll("\n", "\\n")))).toBe(
      true,
    );
    const credentials = credentialsFrom({ good: { publicKey }, bad: { publicKey: "x".repeat(80) } });
    expect(credentials.get("good")?.publicKey).toBeDefined();
    expect(credentials.get("bad")).toBeNull();
    expect(credentials.invalid).toEqual(["bad"]);
  });
});

describe("Pragmatic MD5 hash", () => {
  it("is MD5 of the parameters sorted by name as k=v&…, the secret appended, hash itself left out", () => {
    const params = { userId: "421", providerId: "pragmaticplay", token: "5v93mto7jr", hash: "ignored" };
    const expected = createHash("md5")
      .update("providerId=pragmaticplay&token=5v93mto7jr&userId=421secret")
      .digest("hex");
    expect(pragmaticHash(Object.entries(params), "secret")).toBe(expected);
  });

  it("verifies a signed form, and fails for a changed value, a wrong secret or a malformed hash", () => {
    const form = signPragmaticForm({ providerId: "pp", userId: "u1", amount: "1.00", reference: "r1" }, "s3cret");
    expect(verifyPragmatic(new URLSearchParams(form), "s3cret")).toBe(true);
    expect(verifyPragmatic(new URLSearchParams(form.replace("amount=1.00", "amount=2.00")), "s3cret")).toBe(false);
    expect(verifyPragmatic(new URLSearchParams(form), "other")).toBe(false);
    const params = new URLSearchParams(form);
    params.set("hash", "xyz");
    expect(verifyPragmatic(params, "s3cret")).toBe(false);
  });

  it("hashes decoded values (a value with & or spaces is signed as the studio meant it)", () => {
    const form = signPragmaticForm({ providerId: "pp", roundDetails: "spin,totalBet:2.0 & more" }, "k");
    expect(verifyPragmatic(new URLSearchParams(form), "k")).toBe(true);
  });
});

describe("our HMAC-SHA256 signature", () => {
  const secret = "a-shared-secret-of-enough-length";
  const body = Buffer.from('{"requestId":"abcdefgh","playerId":"ply_1"}');
  const now = new Date("2026-11-21T12:00:00Z");

  it("is HMAC-SHA256 over timestamp + '.' + raw body", () => {
    const signed = signPitbossRequest(secret, body.toString(), now);
    expect(signed["x-pitboss-timestamp"]).toBe("1795262400");
    expect(signed["x-pitboss-signature"]).toBe(`v1=${pitbossSignature(secret, "1795262400", body)}`);
    expect(checkPitbossSignature(secret, headers(signed), body, now)).toBe("OK");
  });

  it("accepts 5 minutes of clock difference either way, not more", () => {
    const signed = headers(signPitbossRequest(secret, body.toString(), now));
    expect(checkPitbossSignature(secret, signed, body, new Date(now.getTime() + 300_000))).toBe("OK");
    expect(checkPitbossSignature(secret, signed, body, new Date(now.getTime() - 300_000))).toBe("OK");
    expect(checkPitbossSignature(secret, signed, body, new Date(now.getTime() + 301_000))).toBe("STALE_REQUEST");
    expect(checkPitbossSignature(secret, signed, body, new Date(now.getTime() - 301_000))).toBe("STALE_REQUEST");
  });

  it("refuses another body, another secret, a moved timestamp, garbage; accepts any of several v1 values", () => {
    const signed = signPitbossRequest(secret, body.toString(), now);
    expect(checkPitbossSignature(secret, headers(signed), Buffer.from(`${body} `), now)).toBe("INVALID_SIGNATURE");
    expect(checkPitbossSignature("another-secret-entirely!!", headers(signed), body, now)).toBe("INVALID_SIGNATURE");
    expect(checkPitbossSignature(secret, headers({ ...signed, "x-pitboss-timestamp": "1795262401" }), body, now)).toBe(
      "INVALID_SIGNATURE",
    );
    expect(checkPitbossSignature(secret, headers({ ...signed, "x-pitboss-signature": "v1=zz" }), body, now)).toBe(
      "INVALID_SIGNATURE",
    );
    expect(checkPitbossSignature(secret, headers({}), body, now)).toBe("INVALID_SIGNATURE");
    const rotated = { ...signed, "x-pitboss-signature": `v1=${"0".repeat(64)}, ${signed["x-pitboss-signature"]}` };
    expect(checkPitbossSignature(secret, headers(rotated), body, now)).toBe("OK");
  });
});

describe("fingerprints", () => {
  it("ignore field order and absent fields, and see every business field", () => {
    const base = { command: "bet", player: "p", transaction: "t", amount: 100n, currency: "EUR" };
    expect(fingerprintOf(base)).toBe(
      fingerprintOf({ currency: "EUR", amount: 100n, transaction: "t", player: "p", command: "bet" }),
    );
    expect(fingerprintOf({ ...base, round: undefined })).toBe(fingerprintOf(base));
    for (const change of [{ amount: 101n }, { currency: "USD" }, { player: "q" }, { command: "win" }, { round: "r" }]) {
      expect(fingerprintOf({ ...base, ...change })).not.toBe(fingerprintOf(base));
    }
    // A bigint and a string of the same digits are different requests.
    expect(fingerprintOf({ ...base, amount: "100" })).not.toBe(fingerprintOf(base));
  });
});

describe("response JSON", () => {
  it("is deterministic: insertion order, bigint integers, raw decimals kept, undefined dropped", () => {
    expect(toJson({ b: 1n, a: "x", c: new RawNumber("12.50"), d: undefined, e: null, f: { g: true } })).toBe(
      '{"b":1,"a":"x","c":12.50,"e":null,"f":{"g":true}}',
    );
  });

  it("re-echoes a per-request field for a retry, leaving every other byte alone", () => {
    const stored = jsonBody({ user: "u", status: "RS_OK", request_uuid: "first", balance: 12_345_678_901_234_567n });
    expect(reEcho(stored, "request_uuid", "first").equals(stored)).toBe(true);
    expect(reEcho(stored, "request_uuid", "second").toString()).toBe(
      '{"user":"u","status":"RS_OK","request_uuid":"second","balance":12345678901234567}',
    );
    expect(reEcho(stored, "request_uuid", undefined).equals(stored)).toBe(true);
  });
});
