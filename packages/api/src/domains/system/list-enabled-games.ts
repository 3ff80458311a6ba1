import type { ServiceDeps } from "../../deps";

/** A public glimpse of the catalogue for the landing pages: enabled games, in-house first. */
export const listEnabledGames = async ({ db }: Pick<ServiceDeps, "db">) =>
  db.prisma.game.findMany({
    where: { isEnabled: true },
    select: { id: true, slug: true, name: true, provider: true, category: true, rtpBps: true },
    orderBy: [{ provider: "desc" }, { name: "asc" }],
  });
