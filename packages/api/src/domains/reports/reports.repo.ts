import { bigintTypes, type Db } from "@pitboss/db";

export type KindTotal = {
  kind: string;
  currency: string;
  owner: "PLAYER" | "HOUSE";
  type: string;
  txns: bigint;
  totalMinor: bigint;
};

/**
 * Posting totals per transaction kind, currency and account (owner, type) for transactions in [from, to).
 * A direct read of the ledger; DESIGN §6 moves reports onto event-fed read models, after which this query
 * (a scan of the day's transactions) goes away.
 */
export const postingTotals = async (db: Db, from: Date, to: Date): Promise<KindTotal[]> =>
  (
    await db.pool.query<KindTotal>({
      text: `
        SELECT t.kind::text AS kind, p.currency, a.owner::text AS owner, a.type::text AS type,
               count(DISTINCT t.id)::bigint AS txns, sum(p.amount_minor)::bigint AS "totalMinor"
          FROM ledger_txn t
          JOIN posting p ON p.txn_id = t.id
          JOIN account a ON a.id = p.account_id
         WHERE t.created_at >= $1 AND t.created_at < $2
         GROUP BY 1, 2, 3, 4`,
      values: [from, to],
      types: bigintTypes,
    })
  ).rows;

/** Players with at least one ledger movement in [from, to). */
export const countActivePlayers = async (db: Db, from: Date, to: Date): Promise<number> =>
  Number(
    (
      await db.pool.query<{ n: bigint }>({
        text: "SELECT count(DISTINCT player_id)::bigint AS n FROM ledger_txn WHERE player_id IS NOT NULL AND created_at >= $1 AND created_at < $2",
        values: [from, to],
        types: bigintTypes,
      })
    ).rows[0]?.n ?? 0n,
  );
