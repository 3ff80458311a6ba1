import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { parseInput } from "./parse-input";
import { type RoundView, toRoundView } from "./round-view";
import { findPlayerRound, findRound } from "./rounds.repo";
import { type PlayerRoundInput, playerRoundInput, roundIdInput } from "./rounds.schemas";

type Deps = Pick<ServiceDeps, "db">;

const notFound = () => new DomainError("NOT_FOUND", { message: "round not found" });

/** One of the player's own rounds; anyone else's reads as NOT_FOUND. */
export const getPlayerRound = async ({ db }: Deps, rawInput: PlayerRoundInput): Promise<RoundView> => {
  const { playerId, roundId } = parseInput(playerRoundInput, rawInput);
  const round = await findPlayerRound(db.prisma, playerId, roundId);
  if (!round) throw notFound();
  return toRoundView(round);
};

/** Any round by id, for staff game recall (the caller's procedure checks the permission). */
export const getRoundById = async (
  { db }: Deps,
  rawInput: { roundId: string },
): Promise<RoundView & { playerId: string }> => {
  const { roundId } = parseInput(roundIdInput, rawInput);
  const round = await findRound(db.prisma, roundId);
  if (!round) throw notFound();
  return { ...toRoundView(round), playerId: round.playerId };
};
