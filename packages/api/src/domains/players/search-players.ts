import { isId } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { searchPlayers as findPlayers } from "./players.repo";
import { type SearchPlayersInput, searchPlayersInput } from "./players.schemas";

/**
 * Finds players by exact id (`ply_…`), by email (a query with `@` matches from the start) or by part of the
 * email or display name, case-insensitively; newest first, at most 25.
 */
export const searchPlayers = async ({ db }: Pick<ServiceDeps, "db">, rawInput: SearchPlayersInput) => {
  const { query } = searchPlayersInput.parse(rawInput);
  if (isId("player", query)) return findPlayers(db, { id: query });
  if (query.includes("@")) return findPlayers(db, { email: { startsWith: query.toLowerCase() } });
  return findPlayers(db, {
    OR: [
      { email: { contains: query.toLowerCase() } },
      { displayName: { contains: query, mode: "insensitive" } },
      { id: { startsWith: query.toLowerCase() } },
    ],
  });
};
