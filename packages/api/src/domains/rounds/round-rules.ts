import type { GameSlug } from "../games/games";

/** The provider code of in-house games: their stakes go to the GAME_REVENUE account with this scope. */
export const IN_HOUSE_PROVIDER = "pitboss";

/**
 * What each in-house game declares for its rounds. `timeoutMs`: how long a round may stay OPEN before the
 * timeout job closes it. A round whose fate was already decided is completed as decided (its outcome is fixed);
 * an undecided one is voided and its stakes refunded ("malfunction voids all pays and plays"): the player never
 * saw an outcome, so returning the stake is the only fair answer. `openRoundTimeoutMs` applies to multi-step
 * rounds opened with `openRound`, where the player thinks between steps.
 */
export const gameRoundRules: Record<GameSlug, { timeoutMs: number; openRoundTimeoutMs: number }> = {
  dice: { timeoutMs: 120_000, openRoundTimeoutMs: 3_600_000 },
  roulette: { timeoutMs: 120_000, openRoundTimeoutMs: 3_600_000 },
  limbo: { timeoutMs: 120_000, openRoundTimeoutMs: 3_600_000 },
  mines: { timeoutMs: 120_000, openRoundTimeoutMs: 3_600_000 },
  "fruit-five": { timeoutMs: 120_000, openRoundTimeoutMs: 3_600_000 },
};

/**
 * A bet is only placed while `now < timeoutAt - DEBIT_CUTOFF_MS` (checked by the statement that writes it and takes
 * its stake). The timeout job only decides after `timeoutAt`, so no bet can land in a round the job is voiding.
 */
export const DEBIT_CUTOFF_MS = 60_000;

/** Ledger idempotency: one scope per player for everything the rounds engine moves, keys derived from ids. */
export const ledgerScope = (playerId: string) => `round:${playerId}`;
export const ledgerKeys = {
  /** The bet's stake, derived from the client's idempotency key: one debit per key, whoever retries. */
  debit: (betIdempotencyKey: string) => `bet:${betIdempotencyKey}`,
  /** The round's payout: one per round. */
  win: (roundId: string) => `win:${roundId}`,
  /** The refund of a bet in a voided round: one per bet. */
  refund: (betId: string) => `void:${betId}`,
};
