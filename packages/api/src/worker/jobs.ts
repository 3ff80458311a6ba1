import type { ServiceDeps } from "../deps";
import { pruneBridgeNonces } from "../domains/bridge/prune-nonces";
import { checkPayouts } from "../domains/payments/check-payouts";
import { checkProviderHealth } from "../domains/payments/check-provider-health";
import { expireStaleDeposits } from "../domains/payments/expire-deposits";
import { settleStaleRounds } from "../domains/rounds/settle-stale-rounds";
import { sealLedger } from "../domains/wallet/ledger-seal";
import { reconcileLedger } from "../domains/wallet/reconcile-ledger";

/**
 * Recurring jobs the worker runs on the PostgreSQL-backed queue (pg-boss). Each is a thin call into a
 * domain service, safe to run twice (pg-boss delivers at least once), scheduled by cron in UTC, and
 * returns a JSON-safe summary for the job log.
 */
export type RecurringJob = { name: string; cron: string; run: (deps: ServiceDeps) => Promise<Record<string, unknown>> };

export const recurringJobs: RecurringJob[] = [
  {
    // Rounds left OPEN past their game's timeout: completed as decided, or voided with stakes refunded.
    name: "rounds-timeout",
    cron: "* * * * *",
    run: (deps) => settleStaleRounds(deps),
  },
  {
    name: "ledger-seal",
    cron: "* * * * *",
    run: async (deps) => {
      const { sealed, throughPostingId, headHash } = await sealLedger(deps);
      return { sealed, throughPostingId, headHash };
    },
  },
  {
    name: "ledger-reconcile",
    cron: "17 * * * *",
    run: async (deps) => {
      const result = await reconcileLedger(deps);
      if (!result.isClean) deps.logger.error({ result }, "ledger reconciliation found differences");
      return {
        isClean: result.isClean,
        mismatchedAccounts: result.mismatchedAccounts.length,
        unbalancedTransactions: result.unbalancedTransactions.length,
        negativeAccounts: result.negativeAccounts.length,
      };
    },
  },
  {
    // Deposits whose webhook never came: checked against the provider's API, then completed, failed or expired.
    name: "payments-deposit-expiry",
    cron: "* * * * *",
    run: (deps) => expireStaleDeposits(deps),
  },
  {
    // Held payouts looked up at their provider (paid / failed); stalled approved or processing ones sent again.
    name: "payments-payout-check",
    cron: "* * * * *",
    run: (deps) => checkPayouts(deps),
  },
  {
    // Provider health checks feed the circuit breakers routing uses for failover.
    name: "payments-provider-health",
    cron: "* * * * *",
    run: (deps) => checkProviderHealth(deps),
  },
  {
    // Our studio protocol's replay-protection ids, once older than any request that could still be accepted.
    name: "bridge-nonce-prune",
    cron: "*/10 * * * *",
    run: (deps) => pruneBridgeNonces(deps),
  },
];
