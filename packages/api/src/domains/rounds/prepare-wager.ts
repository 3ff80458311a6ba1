import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { runWagerChecks } from "../compliance/wager-checks";
import { isGameSlug } from "../games/games";
import { IN_HOUSE_PROVIDER } from "./round-rules";
import { findGameWithLimit, findPlayer } from "./rounds.repo";

type Deps = Pick<ServiceDeps, "db" | "now">;

/** The player's own currency, or CURRENCY_MISMATCH: a player stakes only in the currency of their wallet. */
export const requirePlayerCurrency = async (deps: Deps, playerId: string, currency: string) => {
  const player = await findPlayer(deps.db.prisma, playerId);
  if (!player) throw new DomainError("NOT_FOUND", { message: "player not found" });
  if (player.currency !== currency) {
    throw new DomainError("CURRENCY_MISMATCH", {
      message: `this account plays in ${player.currency}`,
      meta: { expected: player.currency, actual: currency },
    });
  }
  return player;
};

/** An in-house game the registry implements, enabled and offered in the currency, with its stake limits. */
export const requirePlayableGame = async (deps: Deps, slug: string, currency: string) => {
  const game = isGameSlug(slug) ? await findGameWithLimit(deps.db.prisma, slug, currency) : null;
  if (!game || game.provider !== IN_HOUSE_PROVIDER || !isGameSlug(game.slug)) {
    throw new DomainError("NOT_FOUND", { message: `unknown game "${slug}"`, meta: { game: slug } });
  }
  if (!game.isEnabled)
    throw new DomainError("GAME_UNAVAILABLE", { message: "the game is disabled", meta: { game: slug } });
  const limit = game.limits[0];
  if (!limit) {
    throw new DomainError("GAME_UNAVAILABLE", {
      message: `the game is not offered in ${currency}`,
      meta: { game: slug, currency },
    });
  }
  return { id: game.id, slug: game.slug, provider: game.provider, limit };
};

/** Stake within the game's limits for the currency, then every wager-time check: all before any debit. */
export const requireAllowedStake = async (
  deps: Deps,
  input: { playerId: string; gameSlug: string; currency: string; stakeMinor: bigint },
  limit: { minStakeMinor: bigint; maxStakeMinor: bigint },
) => {
  if (input.stakeMinor < limit.minStakeMinor || input.stakeMinor > limit.maxStakeMinor) {
    throw new DomainError("STAKE_OUT_OF_RANGE", {
      message: `stake must be between ${limit.minStakeMinor} and ${limit.maxStakeMinor} minor units`,
      meta: { min: limit.minStakeMinor.toString(), max: limit.maxStakeMinor.toString(), currency: input.currency },
    });
  }
  await runWagerChecks(deps, input);
};
