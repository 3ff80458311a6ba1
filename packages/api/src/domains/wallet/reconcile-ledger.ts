import { bigintTypes } from "@pitboss/db";
import type pg from "pg";
import type { ServiceDeps } from "../../deps";

export type LedgerReconciliation = {
  /** Player accounts whose projected balance differs from the sum of their postings. Must be empty. */
  mismatchedAccounts: { accountId: string; balanceMinor: bigint; postingsMinor: bigint }[];
  /** Transactions whose postings do not sum to zero in a currency. Must be empty. */
  unbalancedTransactions: { txnId: string; currency: string; sumMinor: bigint }[];
  /** Player accounts below zero. Must be empty. */
  negativeAccounts: { accountId: string; balanceMinor: bigint }[];
  /** Postings whose account does not exist in the posting's currency (no foreign key: see docs/ledger.md). */
  orphanPostings: { postingId: bigint; accountId: string; currency: string }[];
  isClean: boolean;
};

/**
 * Proves the ledger's invariants on demand, from the rows alone. `client` lets a caller reconcile inside its
 * own database transaction (what it sees uncommitted is included).
 */
export const reconcileLedger = async (
  { db }: Pick<ServiceDeps, "db">,
  client: Pick<pg.ClientBase, "query"> = db.pool,
): Promise<LedgerReconciliation> => {
  const query = <T extends Record<string, unknown>>(text: string) =>
    client.query<T>({ text, types: bigintTypes }).then((r) => r.rows);
  // Sequential on purpose: a single client cannot run queries concurrently.
  const mismatchedAccounts = await query<LedgerReconciliation["mismatchedAccounts"][number]>(`
    SELECT a.id AS "accountId", a.balance_minor AS "balanceMinor", coalesce(s.total, 0)::bigint AS "postingsMinor"
    FROM account a LEFT JOIN (SELECT account_id, sum(amount_minor) AS total FROM posting GROUP BY account_id) s ON s.account_id = a.id
    WHERE a.owner = 'PLAYER' AND a.balance_minor IS DISTINCT FROM coalesce(s.total, 0)`);
  const unbalancedTransactions = await query<LedgerReconciliation["unbalancedTransactions"][number]>(`
    SELECT txn_id AS "txnId", currency, sum(amount_minor)::bigint AS "sumMinor"
    FROM posting GROUP BY txn_id, currency HAVING sum(amount_minor) <> 0`);
  const negativeAccounts = await query<LedgerReconciliation["negativeAccounts"][number]>(`
    SELECT id AS "accountId", balance_minor AS "balanceMinor" FROM account WHERE owner = 'PLAYER' AND balance_minor < 0`);
  const orphanPostings = await query<LedgerReconciliation["orphanPostings"][number]>(`
    SELECT p.id AS "postingId", p.account_id AS "accountId", p.currency
    FROM posting p LEFT JOIN account a ON a.id = p.account_id AND a.currency = p.currency WHERE a.id IS NULL`);
  return {
    mismatchedAccounts,
    unbalancedTransactions,
    negativeAccounts,
    orphanPostings,
    isClean: [mismatchedAccounts, unbalancedTransactions, negativeAccounts, orphanPostings].every(
      (rows) => rows.length === 0,
    ),
  };
};
