import { pspCredentialsFromEnv } from "../env";

/** The provider instances the sandbox serves, each under its own path prefix (`/cardpay/…`). */
export const sandboxPspProviders = ["cardpay", "cardplus", "instabank"] as const;
export type SandboxPspProvider = (typeof sandboxPspProviders)[number];
export type SandboxPspKind = "card" | "bank";

export const isSandboxPspProvider = (value: string): value is SandboxPspProvider =>
  (sandboxPspProviders as readonly string[]).includes(value);

/** Two card providers (so routing and failover have somewhere to go) and one instant bank. */
export const sandboxPspKind = (provider: SandboxPspProvider): SandboxPspKind =>
  provider === "instabank" ? "bank" : "card";

export type PspCredentials = { apiKey: string; webhookSecret: string };

/**
 * A provider's API key (our calls carry it as a bearer token) and webhook secret (it signs what it sends us). The
 * defaults are deterministic test-only values, so the sandbox and our adapters agree without configuration; a
 * deployment talking to a real provider sets PSP_<PROVIDER>_API_KEY and PSP_<PROVIDER>_WEBHOOK_SECRET. The sandbox
 * itself answers with these; the casino's side takes them through `providerCredentials`
 * (domains/payments/providers/credentials.ts), which refuses the defaults in production.
 */
export const sandboxPspCredentials = (provider: string, source?: NodeJS.ProcessEnv): PspCredentials => {
  const fromEnv = pspCredentialsFromEnv(provider, source);
  return {
    apiKey: fromEnv.apiKey ?? `sk_test_${provider}_pitboss_sandbox_only`,
    webhookSecret: fromEnv.webhookSecret ?? `whsec_test_${provider}_pitboss_sandbox_only`,
  };
};
