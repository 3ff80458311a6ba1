import type { ServiceDeps } from "../../deps";
import { paymentSettingsOf, type WithPaymentSettings } from "./payment-settings";
import type { PaymentMethod } from "./payments.schemas";
import { type PaymentProvider, type ProviderFailure, providerFailureOf } from "./provider-port";

type Deps = Pick<ServiceDeps, "db" | "now" | "logger"> & WithPaymentSettings;

/**
 * A method's providers in routing order. Those whose circuit is open (failing lately, cool-down not over) go last:
 * new payments go to the next healthy one, and a failing provider is still tried when nothing better is left.
 */
export const providersFor = async (deps: Deps, method: PaymentMethod): Promise<PaymentProvider[]> => {
  const settings = paymentSettingsOf(deps);
  const routes = await deps.db.prisma.paymentRoute.findMany({
    where: { method, isEnabled: true },
    orderBy: { priority: "asc" },
    select: { provider: true },
  });
  const health = await deps.db.prisma.paymentProviderHealth.findMany({
    where: { provider: { in: routes.map((route) => route.provider) } },
    select: { provider: true, circuit: true, openedAt: true },
  });
  const now = deps.now().getTime();
  const isOpen = (code: string) => {
    const row = health.find((h) => h.provider === code);
    return row?.circuit === "OPEN" && (row.openedAt?.getTime() ?? 0) + settings.circuitCooldownMs > now;
  };
  const providers = routes
    .map((route) => settings.providers.get(route.provider))
    .filter((provider): provider is PaymentProvider => provider?.methods.includes(method) ?? false);
  return [...providers.filter((p) => !isOpen(p.code)), ...providers.filter((p) => isOpen(p.code))];
};

/** A provider answered (any answer, even a refusal): its circuit closes. */
export const recordProviderSuccess = async (deps: Deps, provider: string) => {
  const at = deps.now();
  await deps.db.prisma.$executeRaw`
    INSERT INTO payment_provider_health (provider, circuit, consecutive_failures, last_success_at, updated_at)
    VALUES (${provider}, 'CLOSED', 0, ${at}, ${at})
    ON CONFLICT (provider) DO UPDATE SET circuit = 'CLOSED', consecutive_failures = 0, opened_at = NULL,
      last_success_at = ${at}, updated_at = ${at}`;
};

/** A provider failed to answer: after `circuitFailureThreshold` failures in a row its circuit opens (again). */
export const recordProviderFailure = async (deps: Deps, provider: string, failure: ProviderFailure | "HEALTH") => {
  const at = deps.now();
  const threshold = paymentSettingsOf(deps).circuitFailureThreshold;
  await deps.db.prisma.$executeRaw`
    INSERT INTO payment_provider_health (provider, circuit, consecutive_failures, opened_at, last_failure_at, last_error, updated_at)
    VALUES (${provider}, CASE WHEN 1 >= ${threshold} THEN 'OPEN' ELSE 'CLOSED' END::provider_circuit, 1,
            CASE WHEN 1 >= ${threshold} THEN ${at}::timestamptz END, ${at}, ${failure}, ${at})
    ON CONFLICT (provider) DO UPDATE SET
      consecutive_failures = payment_provider_health.consecutive_failures + 1,
      circuit = CASE WHEN payment_provider_health.consecutive_failures + 1 >= ${threshold} THEN 'OPEN' ELSE 'CLOSED' END::provider_circuit,
      opened_at = CASE WHEN payment_provider_health.consecutive_failures + 1 >= ${threshold} THEN ${at}::timestamptz END,
      last_failure_at = ${at}, last_error = ${failure}, updated_at = ${at}`;
  deps.logger.warn({ provider, failure }, "payment provider failed");
};

type ProviderCallResult<Answer> = { answer: Answer; failure: null } | { answer: null; failure: ProviderFailure };

/**
 * Calls a provider and counts the result towards its circuit, the one place that decides what counts: any answer,
 * a refusal (4xx) included, shows the provider is up and closes it; no connection, a 503, a timeout or a 5xx counts
 * towards opening it. Deposits, payouts and the jobs that look them up all call providers through here, so they
 * cannot count the same failure differently. The failure is returned for the caller to act on (a refusal is still a "no"
 * for the payment); an error that did not come from the provider call is rethrown.
 */
export const callProvider = async <Answer>(
  deps: Deps,
  provider: string,
  call: () => Promise<Answer>,
): Promise<ProviderCallResult<Answer>> => {
  let answer: Answer;
  try {
    answer = await call();
  } catch (error) {
    const failure = providerFailureOf(error);
    if (!failure) throw error;
    if (failure === "REFUSED") await recordProviderSuccess(deps, provider);
    else await recordProviderFailure(deps, provider, failure);
    return { answer: null, failure };
  }
  await recordProviderSuccess(deps, provider);
  return { answer, failure: null };
};
