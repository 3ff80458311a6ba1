import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { toRoundView } from "../rounds/round-view";
import { listPlayerRounds } from "../rounds/rounds.repo";
import { findPlayerProfile } from "./players.repo";
import { type PlayerRoundsInput, playerRoundsInput } from "./players.schemas";

/**
 * The player's latest rounds for the 360 view, newest first: game, money and state only. Seeds and outcomes
 * stay with game recall (`getRoundById`), one round at a time.
 */
export const listPlayerRoundsForStaff = async ({ db }: Pick<ServiceDeps, "db">, rawInput: PlayerRoundsInput) => {
  const { playerId, limit } = playerRoundsInput.parse(rawInput);
  if (!(await findPlayerProfile(db.prisma, playerId))) throw new DomainError("NOT_FOUND");
  return (await listPlayerRounds(db.prisma, playerId, limit)).map(toRoundView).map((round) => ({
    id: round.id,
    game: round.game,
    status: round.status,
    result: round.result,
    currency: round.currency,
    stakeMinor: round.stakeMinor,
    payoutMinor: round.payoutMinor,
    createdAt: round.createdAt,
    settledAt: round.settledAt,
  }));
};
