import type { Db } from "@pitboss/db";
import type pg from "pg";
import type { ServiceDeps } from "../deps";
import type { AuditExecutor } from "./audit/write-audit";

/** What a money-moving change runs on (a payment's status, an adjustment): its SQL, its ledger call, its audit row. */
export type MoneyTx = {
  query: <Row = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<Row[]>;
  /** Deps for the wallet's commands (payment movements, postTransfer): their one ledger statement joins this transaction. */
  ledger: Pick<ServiceDeps, "db" | "newId">;
  /** For writeAudit: the audit row commits with the change it describes. */
  audit: AuditExecutor;
};

/**
 * Runs `work` in one database transaction on one pooled connection, so a change and the money it moves commit
 * together or not at all: a payment's status, history row, ledger movement, webhook record and audit row; an
 * adjustment's posting, status and audit row.
 *
 * The wallet's commands (creditDeposit, holdWithdrawal, postTransfer, …) are each one `SELECT ledger_transfer(…)` on
 * `db.pool`; handing them a Db whose pool is this connection makes that statement part of this transaction (the
 * function has no transaction control of its own). Only `pool.query` is used on that Db: its `prisma` is the
 * shared client, outside the transaction, and must not be used for writes that belong here.
 */
export const inMoneyTransaction = async <T>(
  deps: Pick<ServiceDeps, "db" | "newId">,
  work: (tx: MoneyTx) => Promise<T>,
): Promise<T> => {
  const client: pg.PoolClient = await deps.db.pool.connect();
  const ledgerDb: Db = { prisma: deps.db.prisma, pool: client as unknown as Db["pool"], close: async () => {} };
  const tx: MoneyTx = {
    query: async <Row>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as Row[],
    ledger: { db: ledgerDb, newId: deps.newId },
    audit: {
      // writeAudit's tagged template, as a parameterised statement on this connection.
      $executeRaw: (async (strings: TemplateStringsArray, ...values: unknown[]) => {
        const text = strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
        return (await client.query(text, values)).rowCount ?? 0;
      }) as unknown as AuditExecutor["$executeRaw"],
    },
  };
  let isClean = false;
  try {
    await client.query("BEGIN");
    const result = await work(tx);
    await client.query("COMMIT");
    isClean = true;
    return result;
  } catch (error) {
    await client
      .query("ROLLBACK")
      .then(() => {
        isClean = true;
      })
      .catch(() => {});
    throw error;
  } finally {
    // A connection whose transaction could not be ended cleanly is dropped, never handed to the next caller.
    client.release(isClean ? undefined : true);
  }
};
