import { bigintTypes } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";

export type LedgerReconciliation = {
  /** Player accounts whose projected balance differs from the sum of their postings. Must be empty. */
  mismatchedAccounts: { accountId: string; balanceMinor: bigint; postingsMinor: bigint }[];
  /** Transactions whose postings do not sum to zero in a currency. Must be empty. */
  unbalancedTransactions: { txnId: string; currency: string; sumMinor: bigint }[];
  /** Player accounts below zero. Must be empty. */
  negativeAccounts: { accountId: string; balanceMinor: bigint }[];
  isClean: boolean;
};

/** Proves invariants 1, 3 and 7 on demand, from the ledger rows alone. */
export const reconcileLedger = async ({ db }: Pick<ServiceDeps, "db">): Promise<LedgerReconciliation> => {
  const query = <T extends Record<string, unknown>>(text: string) =>
    db.pool.query<T>({ text, types: bigintTypes }).then((r) => r.rows);
  const [mismatched, unbalanced, negative] = await Promise.all([
    query<{ accountId: string; balanceMinor: bigint; postingsMinor: bigint }>(`
      SELECT a.id AS "accountId", a.balance_minor AS "balanceMinor", coalesce(s.total, 0)::bigint AS "postingsMinor"
      FROM account a LEFT JOIN (SELECT account_id, sum(amount_minor) AS total FROM posting GROUP BY account_id) s ON s.account_id = a.id
      WHERE a.owner = 'PLAYER' AND a.balance_minor IS DISTINCT FROM coalesce(s.total, 0)`),
    query<{ txnId: string; currency: string; sumMinor: bigint }>(`
      SELECT txn_id AS "txnId", currency, sum(amount_minor)::bigint AS "sumMinor"
      FROM posting GROUP BY txn_id, currency HAVING sum(amount_minor) <> 0`),
    query<{ accountId: string; balanceMinor: bigint }>(`
      SELECT id AS "accountId", balance_minor AS "balanceMinor" FROM account WHERE owner = 'PLAYER' AND balance_minor < 0`),
  ]);
  return {
    mismatchedAccounts: mismatched,
    unbalancedTransactions: unbalanced,
    negativeAccounts: negative,
    isClean: mismatched.length === 0 && unbalanced.length === 0 && negative.length === 0,
  };
};
