import type { ServiceDeps } from "../../deps";
import { getServerEnv } from "../../env";
import type { ProviderRegistry } from "./provider-port";
import { sandboxProviders } from "./providers";

/** Tunables of the payments domain; production values come from here, tests override any of them. */
export type PaymentSettings = {
  providers: ProviderRegistry;
  /** The player site's origin: webhooks go to `<origin>/api/payments/webhooks/<provider>`, browsers return to it. */
  publicWebUrl: string;
  /** A deposit without an outcome is checked with its provider (and closed) this long after it started. */
  depositTtlMs: number;
  /** A payout left APPROVED or PROCESSING this long (a crash, a lost webhook) is taken up again by the job. */
  payoutRecheckAfterMs: number;
  /** Consecutive failures that open a provider's circuit (routing skips it)… */
  circuitFailureThreshold: number;
  /** …until this long has passed or a health check succeeds. */
  circuitCooldownMs: number;
};

const minute = 60_000;
const providerTimeoutMs = 10_000;

let fromEnv: PaymentSettings | undefined;

const defaults = (): PaymentSettings => {
  if (!fromEnv) {
    const env = getServerEnv();
    fromEnv = {
      providers: sandboxProviders({ baseUrl: env.PSP_SANDBOX_URL, timeoutMs: providerTimeoutMs }),
      publicWebUrl: env.PUBLIC_WEB_URL.replace(/\/+$/, ""),
      depositTtlMs: 30 * minute,
      payoutRecheckAfterMs: 2 * minute,
      circuitFailureThreshold: 3,
      circuitCooldownMs: 30_000,
    };
  }
  return fromEnv;
};

/** Deps may carry `paymentSettings` overrides (tests); everything else comes from the validated env. */
export type WithPaymentSettings = { paymentSettings?: Partial<PaymentSettings> };

/** What the payment services receive. */
export type PaymentDeps = ServiceDeps & WithPaymentSettings;

export const paymentSettingsOf = (deps: WithPaymentSettings): PaymentSettings => ({
  ...defaults(),
  ...deps.paymentSettings,
});

export const webhookUrlOf = (settings: PaymentSettings, provider: string) =>
  `${settings.publicWebUrl}/api/payments/webhooks/${provider}`;
export const returnUrlOf = (settings: PaymentSettings) => `${settings.publicWebUrl}/cashier/return`;
