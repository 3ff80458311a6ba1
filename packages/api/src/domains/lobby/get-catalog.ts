import type { ServiceDeps } from "../../deps";

/** Display order of lobby categories; categories not listed follow alphabetically. */
const categoryOrder = ["originals", "table", "slots", "live"];

/**
 * The public lobby catalogue: every enabled game with its category and provider, plus the category and provider
 * facets the lobby filters by. The same for everyone, so it is cacheable (see /api/catalog).
 */
export const getCatalog = async ({ db }: Pick<ServiceDeps, "db">) => {
  const games = await db.prisma.game.findMany({
    where: { isEnabled: true },
    select: { slug: true, name: true, provider: true, category: true, rtpBps: true },
    orderBy: [{ name: "asc" }],
  });
  const rank = (category: string) => {
    const index = categoryOrder.indexOf(category);
    return index === -1 ? categoryOrder.length : index;
  };
  const categories = [...new Set(games.map((g) => g.category))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const providers = [...new Set(games.map((g) => g.provider))].sort();
  return {
    games: games.map((game) => ({ ...game, isInHouse: game.provider === "pitboss" })),
    categories,
    providers,
  };
};

export type Catalog = Awaited<ReturnType<typeof getCatalog>>;
