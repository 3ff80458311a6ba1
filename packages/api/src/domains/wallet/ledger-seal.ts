import type { ServiceDeps } from "../../deps";

export type SealResult = { sealed: number; throughPostingId: number; headHash: string };
export type VerifyResult = {
  isIntact: boolean;
  firstBadPostingId: number | null;
  reason: "missing" | "altered" | null;
  checked: number;
};

/**
 * Extends the ledger's hash chain over every posting that is final (see ledger_seal_watermark), in batches.
 * Run by the worker; safe to run concurrently (an advisory lock serialises sealers).
 */
export const sealLedger = async ({ db }: Pick<ServiceDeps, "db">, batchSize = 5_000): Promise<SealResult> => {
  const watermark = (await db.pool.query<{ w: string }>("SELECT ledger_seal_watermark()::text AS w")).rows[0]?.w ?? "0";
  let total = 0;
  for (;;) {
    const { rows } = await db.pool.query<{ r: SealResult }>("SELECT ledger_seal($1::bigint, $2) AS r", [
      watermark,
      batchSize,
    ]);
    const result = rows[0]?.r as SealResult;
    total += result.sealed;
    if (result.sealed < batchSize) return { ...result, sealed: total };
  }
};

/** Recomputes the chain from the first posting and names the first one that was altered or removed. */
export const verifyLedger = async ({ db }: Pick<ServiceDeps, "db">): Promise<VerifyResult> =>
  (await db.pool.query<{ r: VerifyResult }>("SELECT ledger_verify() AS r")).rows[0]?.r as VerifyResult;
