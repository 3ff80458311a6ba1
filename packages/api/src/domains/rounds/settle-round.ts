import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { games, parseGameParams } from "../games/games";
import { parseInput, withGameInput } from "./parse-input";
import { minesProgressOf } from "./reveal-mines-cell";
import { completeDecided, completeDecidedRound, isOpenAndUndecided, resolveOutcome } from "./round-lifecycle";
import { asJsonColumn, type RoundView, toJsonSafe, toRoundView } from "./round-view";
import { findPlayerRound, recordRoundStep } from "./rounds.repo";
import { type SettleRoundCommand, settleRoundCommand } from "./rounds.schemas";

/**
 * Settles a multi-step round with the player's final choices (e.g. the mines picks), resolved from the seed pair
 * and nonce fixed when the round opened. Idempotent: once decided, every call returns the original result.
 */
export const settleRound = async (deps: ServiceDeps, rawInput: SettleRoundCommand): Promise<RoundView> => {
  const input = parseInput(settleRoundCommand, rawInput);
  const round = await findPlayerRound(deps.db.prisma, input.playerId, input.roundId);
  if (!round) throw new DomainError("NOT_FOUND", { message: "round not found" });
  if (!isOpenAndUndecided(round)) return toRoundView(await completeDecided(deps, round));
  if (!round.seedPair || round.nonce === null) {
    // Multi-step rounds fix their seed pair and nonce when they open; a round without them has no outcome to reveal.
    throw new DomainError("CONFLICT", { message: "this round has no committed outcome" });
  }
  if (round.totalStakeMinor === 0n) throw new DomainError("CONFLICT", { message: "place a bet before settling" });

  const slug = round.game.slug as keyof typeof games;
  const params = toJsonSafe(input.params);
  const parsed = withGameInput(() => parseGameParams(slug, params));
  // Once cells were revealed step by step, the only settlement left is cashing out exactly those cells.
  const progress = slug === "mines" ? minesProgressOf(round.params) : null;
  if (progress && JSON.stringify(parsed) !== JSON.stringify(progress)) {
    throw new DomainError("INVALID_INPUT", { message: "cash out with the mine count and cells revealed so far" });
  }
  const paramsStake = games[slug].paramsStake(parsed as never);
  if (paramsStake !== null && paramsStake !== round.totalStakeMinor) {
    throw new DomainError("INVALID_INPUT", { message: "the bets' stakes must add up to the round's stake" });
  }
  const resolved = resolveOutcome(
    slug,
    parsed,
    { serverSeed: round.seedPair.serverSeed, clientSeed: round.seedPair.clientSeed, nonce: round.nonce },
    round.totalStakeMinor,
  );
  // Conditional on the round as read (same stake, same steps): if anything moved on, the winner's decision stands.
  await recordRoundStep(
    deps.db.prisma,
    round.id,
    { totalStakeMinor: round.totalStakeMinor, params: asJsonColumn(round.params) },
    {
      params: asJsonColumn(params),
      outcome: asJsonColumn(resolved.outcome),
      result: resolved.result,
      totalPayoutMinor: resolved.payoutMinor,
    },
  );
  return toRoundView(await completeDecidedRound(deps, round.id));
};
