import type { PaymentDeps } from "./payment-settings";
import { paymentSettingsOf } from "./payment-settings";
import { recordProviderFailure, recordProviderSuccess } from "./routing";

/**
 * The provider health job: asks every provider's health endpoint. A failing one counts towards opening its
 * circuit (routing then sends new payments to the next provider); a healthy one closes it again.
 */
export const checkProviderHealth = async (deps: PaymentDeps) => {
  const results: Record<string, boolean> = {};
  for (const provider of paymentSettingsOf(deps).providers.all()) {
    const isHealthy = await provider.health();
    if (isHealthy) await recordProviderSuccess(deps, provider.code);
    else await recordProviderFailure(deps, provider.code, "HEALTH");
    results[provider.code] = isHealthy;
  }
  return results;
};
