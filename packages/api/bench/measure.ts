import type { Db } from "@pitboss/db";

/**
 * A CHECKPOINT before a measured phase, as ceiling.sh runs one before each of its scripts: a checkpoint due during
 * the phase would make the first write of every page it touches log the whole page, a cost the ceiling never pays.
 */
export const startFromCheckpoint = (db: Db) =>
  db.pool.query("CHECKPOINT").then(
    () => undefined,
    () => undefined, // not allowed (a non-superuser on PostgreSQL < 15): measured as it comes, as ceiling.sh does
  );

/** Closed-loop load: `clients` concurrent loops calling `op` until `seconds` pass; latency per call. */
export type LoadResult = {
  ops: number;
  errors: number;
  seconds: number;
  tps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
};

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export const runLoad = async (
  clients: number,
  seconds: number,
  op: (client: number, i: number) => Promise<unknown>,
): Promise<LoadResult> => {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        try {
          await op(client, i);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    ops: latencies.length,
    errors,
    seconds: round(elapsed),
    tps: Math.round(latencies.length / elapsed),
    p50_ms: round(percentile(latencies, 0.5)),
    p95_ms: round(percentile(latencies, 0.95)),
    p99_ms: round(percentile(latencies, 0.99)),
  };
};
