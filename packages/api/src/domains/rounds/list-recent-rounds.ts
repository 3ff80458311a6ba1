import type { ServiceDeps } from "../../deps";
import { type RoundView, toRoundView } from "./round-view";
import { listPlayerRounds } from "./rounds.repo";

/** Game recall: how many of a player's latest rounds are shown. */
export const RECALL_ROUNDS = 10;

/** The player's last 10 rounds, newest first, with full detail (seeds only once revealed). */
export const listRecentRounds = async (
  { db }: Pick<ServiceDeps, "db">,
  { playerId }: { playerId: string },
): Promise<RoundView[]> => (await listPlayerRounds(db.prisma, playerId, RECALL_ROUNDS)).map(toRoundView);
