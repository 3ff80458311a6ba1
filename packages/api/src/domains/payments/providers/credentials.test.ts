import { describe, expect, it } from "vitest";
import { sandboxPspCredentials } from "../../../sandbox-psp/credentials";
import { checkPaymentCredentials, providerCredentials } from "./credentials";

const production = { NODE_ENV: "production", DATABASE_URL: "postgresql://db.example/pitboss" } as const;

describe("payment provider credentials", () => {
  it("production refuses the sandbox's public test values: anyone could sign a deposit webhook with them", () => {
    expect(() => providerCredentials("cardpay", { ...production })).toThrow(
      /PSP_CARDPAY_API_KEY and PSP_CARDPAY_WEBHOOK_SECRET are missing/,
    );
    // One of the two is not enough.
    expect(() => providerCredentials("cardpay", { ...production, PSP_CARDPAY_API_KEY: "sk_live_1" })).toThrow(
      /PSP_CARDPAY_WEBHOOK_SECRET/,
    );
    expect(() => checkPaymentCredentials({ ...production })).toThrow(/invalid environment/);
  });

  it("production takes the configured ones", () => {
    const configured = { ...production, PSP_CARDPAY_API_KEY: "sk_live_1", PSP_CARDPAY_WEBHOOK_SECRET: "whsec_live_1" };
    expect(providerCredentials("cardpay", configured)).toEqual({ apiKey: "sk_live_1", webhookSecret: "whsec_live_1" });
  });

  it("demo mode and development fall back to the sandbox's test values", () => {
    const sandbox = sandboxPspCredentials("cardplus");
    expect(providerCredentials("cardplus", { ...production, PITBOSS_DEMO: "1" })).toEqual(sandbox);
    expect(providerCredentials("cardplus", { NODE_ENV: "development", DATABASE_URL: production.DATABASE_URL })).toEqual(
      sandbox,
    );
    expect(() => checkPaymentCredentials({ ...production, PITBOSS_DEMO: "1" })).not.toThrow();
  });
});
