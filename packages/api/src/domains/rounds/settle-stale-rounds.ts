import type { ServiceDeps } from "../../deps";
import { expireRound } from "./round-lifecycle";
import { findStaleOpenRoundIds } from "./rounds.repo";

/**
 * The timeout job: every round still OPEN past its deadline is completed as decided, or voided with its stakes
 * refunded (ROLLBACK to the exact accounts they came from). Safe to run twice or concurrently: deciding is a
 * conditional update and every money movement has its own ledger idempotency key, so each happens once.
 */
export const settleStaleRounds = async (
  deps: ServiceDeps,
  /** `playerId` limits the sweep to one player (staff closing an account; tests that must not touch others). */
  options: { batchSize?: number; maxRounds?: number; playerId?: string } = {},
) => {
  const batchSize = options.batchSize ?? 100;
  const maxRounds = options.maxRounds ?? 5_000;
  const now = deps.now();
  const summary = { settled: 0, voided: 0, failed: 0 };
  let afterId: string | undefined;
  for (let seen = 0; seen < maxRounds; ) {
    const ids = await findStaleOpenRoundIds(deps.db.prisma, {
      now,
      take: batchSize,
      afterId,
      playerId: options.playerId,
    });
    if (ids.length === 0) break;
    for (const roundId of ids) {
      try {
        const round = await expireRound(deps, roundId);
        if (round.status === "SETTLED") summary.settled += 1;
        if (round.status === "VOIDED") summary.voided += 1;
      } catch (error) {
        // One bad round must not stall the rest; it stays OPEN and is retried on the next run.
        summary.failed += 1;
        deps.logger.error({ err: error, roundId }, "could not close a stale round");
      }
    }
    seen += ids.length;
    afterId = ids.at(-1);
  }
  return summary;
};
