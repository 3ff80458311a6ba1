import { isId } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { searchPlayers as findPlayers } from "./players.repo";
import { type SearchPlayersInput, searchPlayersInput } from "./players.schemas";

/**
 * A query that reads as (part of) an international phone number, as the E.164 prefix to look for: spaces,
 * dashes, dots and brackets dropped, a leading "00" read as "+", at least 4 digits. Null otherwise.
 */
export const phonePrefixOf = (query: string): string | null => {
  const compact = query.replace(/[\s().-]/g, "").replace(/^00/, "+");
  const match = /^\+?(\d{4,15})$/.exec(compact);
  return match ? `+${match[1]}` : null;
};

/**
 * Finds players by exact id (`ply_…`), by email (a query with `@` matches from the start), by phone (a query
 * that reads as an international number, "+49 151 …" or "0049151…", matches stored E.164 numbers from the
 * start; bare digits also try it) or by part of the email or display name, case-insensitively; newest first,
 * at most 25.
 */
export const searchPlayers = async ({ db }: Pick<ServiceDeps, "db">, rawInput: SearchPlayersInput) => {
  const { query } = searchPlayersInput.parse(rawInput);
  if (isId("player", query)) return findPlayers(db, { id: query });
  if (query.includes("@")) return findPlayers(db, { email: { startsWith: query.toLowerCase() } });
  const phonePrefix = phonePrefixOf(query);
  // "+49…" or "0049…" can only be a phone number: answered from the phone index alone.
  if (phonePrefix && /^(\+|00)/.test(query)) return findPlayers(db, { phone: { startsWith: phonePrefix } });
  return findPlayers(db, {
    OR: [
      { email: { contains: query.toLowerCase() } },
      { displayName: { contains: query, mode: "insensitive" } },
      { id: { startsWith: query.toLowerCase() } },
      ...(phonePrefix ? [{ phone: { startsWith: phonePrefix } }] : []),
    ],
  });
};
