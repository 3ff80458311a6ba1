import { bigintTypes } from "@pitboss/db";
import { z } from "zod";
import type { ServiceDeps } from "../../deps";

export const openRoundsInput = z
  .object({
    provider: z.string().min(1).max(32).optional(),
    /** Only rounds opened at least this long ago (a round normally closes within seconds). */
    olderThanMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 365)
      .default(10),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type OpenRoundsInput = z.input<typeof openRoundsInput>;

export type OpenRound = {
  roundId: string;
  provider: string;
  playerId: string;
  providerRoundId: string;
  gameId: string | null;
  currency: string;
  openedAt: Date;
  /** Stakes taken and wins paid in the round so far (minor units), rolled-back ones excluded. */
  stakedMinor: bigint;
  wonMinor: bigint;
  transactions: number;
};

/**
 * Studio rounds still open: the studio never closed them (no end round, no round-closed flag). For operations to
 * chase with the studio; nothing is settled or voided automatically, since only the studio knows the outcome.
 */
export const listOpenRounds = async (deps: Pick<ServiceDeps, "db" | "now">, rawInput: OpenRoundsInput = {}) => {
  const input = openRoundsInput.parse(rawInput);
  const before = new Date(deps.now().getTime() - input.olderThanMinutes * 60_000);
  const { rows } = await deps.db.pool.query<{
    id: string;
    provider: string;
    player_id: string;
    provider_round_id: string;
    game_id: string | null;
    currency: string;
    opened_at: Date;
    staked: bigint;
    won: bigint;
    transactions: bigint;
  }>({
    text: `SELECT r.id, r.provider, r.player_id, r.provider_round_id, r.game_id, r.currency, r.opened_at,
             coalesce(sum(t.amount_minor) FILTER (WHERE t.kind = 'BET' AND t.status = 'OK'), 0)::bigint AS staked,
             coalesce(sum(t.amount_minor) FILTER (WHERE t.kind = 'WIN' AND t.status = 'OK'), 0)::bigint AS won,
             count(t.id)::bigint AS transactions
           FROM bridge_round r
           LEFT JOIN bridge_transaction t
             ON t.provider = r.provider AND t.player_id = r.player_id AND t.provider_round_id = r.provider_round_id
           WHERE r.status = 'OPEN' AND r.opened_at <= $1 AND ($2::text IS NULL OR r.provider = $2)
           GROUP BY r.id
           ORDER BY r.opened_at, r.id
           LIMIT $3`,
    values: [before, input.provider ?? null, input.limit],
    types: bigintTypes,
  });
  return rows.map(
    (row): OpenRound => ({
      roundId: row.id,
      provider: row.provider,
      playerId: row.player_id,
      providerRoundId: row.provider_round_id,
      gameId: row.game_id,
      currency: row.currency,
      openedAt: row.opened_at,
      stakedMinor: row.staked,
      wonMinor: row.won,
      transactions: Number(row.transactions),
    }),
  );
};
