import type { ServiceDeps } from "../../deps";

/** Aggregate counts only (no personal data): what the back-office landing shows before staff sign-in exists. */
export const getOverview = async ({ db }: Pick<ServiceDeps, "db">) => {
  const [games, players, staff] = await Promise.all([
    db.prisma.game.count(),
    db.prisma.player.count(),
    db.prisma.staffUser.count(),
  ]);
  return { games, players, staff };
};
