import type { ServiceDeps } from "../../deps";
import { bumpSessionVersion } from "./player-accounts.repo";

/** Ends every session of the player, on every device: sessions carry the version they were issued at. */
export const signOutEverywhere = async (
  deps: Pick<ServiceDeps, "db" | "logger">,
  { playerId }: { playerId: string },
) => {
  const { sessionVersion } = await bumpSessionVersion(deps.db.prisma, playerId);
  deps.logger.info({ playerId }, "player signed out everywhere");
  return { sessionVersion };
};
