import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "./webhook-signature";

const secret = "whsec_test_unit";
const body = '{"id":"evt_1","type":"payment.succeeded"}';
const now = 1_790_000_000;

describe("webhook signatures", () => {
  it("verifies what it signed, within the tolerance either side", () => {
    expect(verifyWebhook(secret, body, signWebhook(secret, body, now), now)).toEqual({ isValid: true });
    expect(verifyWebhook(secret, Buffer.from(body), signWebhook(secret, body, now - 300), now).isValid).toBe(true);
    expect(verifyWebhook(secret, body, signWebhook(secret, body, now + 300), now).isValid).toBe(true);
  });

  it("has the providers' format: t=<unix>,v1=<hex HMAC-SHA256 of t.body>", () => {
    expect(signWebhook(secret, body, now)).toMatch(new RegExp(`^t=${now},v1=[0-9a-f]{64}$`));
  });

  it("refuses another body, another secret, or a signature for another timestamp", () => {
    const header = signWebhook(secret, body, now);
    expect(verifyWebhook(secret, `${body} `, header, now)).toEqual({ isValid: false, reason: "BAD_SIGNATURE" });
    expect(verifyWebhook("whsec_other", body, header, now)).toEqual({ isValid: false, reason: "BAD_SIGNATURE" });
    const moved = header.replace(`t=${now}`, `t=${now + 1}`);
    expect(verifyWebhook(secret, body, moved, now)).toEqual({ isValid: false, reason: "BAD_SIGNATURE" });
  });

  it("refuses a genuine signature older or newer than the tolerance", () => {
    expect(verifyWebhook(secret, body, signWebhook(secret, body, now - 301), now)).toEqual({
      isValid: false,
      reason: "STALE",
    });
    expect(verifyWebhook(secret, body, signWebhook(secret, body, now - 20), now, 10).isValid).toBe(false);
  });

  it("fails closed on anything that does not parse", () => {
    const v1 = signWebhook(secret, body, now).split(",")[1] as string;
    for (const header of [
      null,
      undefined,
      "",
      "garbage",
      `t=${now}`,
      v1,
      `t=abc,${v1}`,
      `t=${now},t=${now},${v1}`,
      `t=${now},v1=`,
      `t=${now},v1=${"0".repeat(64)}=x`,
      `t=${now},${v1.toUpperCase()}`,
      `t=${now},${"v1=00,".repeat(6)}${v1}`,
      "x".repeat(2_000),
    ]) {
      expect(verifyWebhook(secret, body, header, now).isValid, String(header)).toBe(false);
    }
    expect(verifyWebhook("", body, signWebhook("", body, now), now).isValid).toBe(false);
  });

  it("accepts any of several v1 signatures (secret rotation) and ignores unknown schemes", () => {
    const current = signWebhook(secret, body, now).split(",")[1] as string;
    const previous = signWebhook("whsec_previous", body, now).split(",")[1] as string;
    expect(verifyWebhook(secret, body, `t=${now},${previous},${current},v0=legacy`, now).isValid).toBe(true);
  });
});
