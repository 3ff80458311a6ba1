import type { ServiceDeps } from "../../deps";
import { findPlayerById } from "./player-accounts.repo";

/**
 * Checks a session on every request: the player still exists, is active, and the session was issued at the
 * current session version (sign out everywhere and password resets raise it). Null: the session is over.
 */
export const resolvePlayerSession = async (
  deps: Pick<ServiceDeps, "db">,
  { playerId, sessionVersion }: { playerId: string; sessionVersion: number },
) => {
  const player = await findPlayerById(deps.db.prisma, playerId);
  if (player?.status !== "ACTIVE" || player.sessionVersion !== sessionVersion) return null;
  return { id: player.id, displayName: player.displayName, locale: player.locale, timeZone: player.timeZone };
};
