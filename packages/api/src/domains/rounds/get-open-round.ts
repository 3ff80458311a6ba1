import type { ServiceDeps } from "../../deps";
import { parseInput } from "./parse-input";
import { type RoundView, toRoundView } from "./round-view";
import { findOpenMultiStepRound } from "./rounds.repo";
import { type CurrentRoundCommand, currentRoundCommand } from "./rounds.schemas";

/** The player's multi-step round of a game still in play (the latest), or null: what a reloaded screen resumes. */
export const getOpenRound = async (
  { db }: Pick<ServiceDeps, "db">,
  rawInput: CurrentRoundCommand,
): Promise<RoundView | null> => {
  const { playerId, game } = parseInput(currentRoundCommand, rawInput);
  const round = await findOpenMultiStepRound(db.prisma, playerId, game);
  return round ? toRoundView(round) : null;
};
