import { isDemoMode } from "../../../demo-mode";
import { getServerEnv, pspCredentialsFromEnv } from "../../../env";
import { type PspCredentials, sandboxPspCredentials, sandboxPspProviders } from "../../../sandbox-psp/credentials";

/**
 * The credentials the casino uses with a provider. Outside production, or in demo mode, the sandbox's published
 * test values stand in for unset ones; in production they would let anyone sign a "payment succeeded" webhook, so
 * both variables are required there. The web and admin apps check it at boot (checkServerEnvironment).
 */
export const providerCredentials = (provider: string, source?: NodeJS.ProcessEnv): PspCredentials => {
  const configured = pspCredentialsFromEnv(provider, source);
  if (configured.apiKey && configured.webhookSecret) {
    return { apiKey: configured.apiKey, webhookSecret: configured.webhookSecret };
  }
  if (!isDemoMode(getServerEnv(source))) {
    const prefix = `PSP_${provider.toUpperCase()}`;
    throw new Error(
      `invalid environment: ${prefix}_API_KEY and ${prefix}_WEBHOOK_SECRET are missing: production needs the provider's own (the sandbox's test values are public; see .env.example)`,
    );
  }
  return sandboxPspCredentials(provider, source);
};

/** Boot check: every configured payment provider has its credentials (throws the first that is missing). */
export const checkPaymentCredentials = (source?: NodeJS.ProcessEnv) => {
  for (const provider of sandboxPspProviders) providerCredentials(provider, source);
};

/** What both apps check at boot: the server environment and every payment provider's credentials. */
export const checkServerEnvironment = (source?: NodeJS.ProcessEnv) => {
  getServerEnv(source);
  checkPaymentCredentials(source);
};
