import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { parseInput } from "../parse-input";
import { type GameSlugInput, gameSlugInput } from "./lobby.schemas";

type Deps = Pick<ServiceDeps, "db" | "now">;

/** How many recently played games the lobby shows. */
export const RECENTLY_PLAYED_LIMIT = 8;

/** The player's favourites and recently played games (slugs, most recent first). */
export const getPersonalLobby = async ({ db }: Pick<ServiceDeps, "db">, { playerId }: { playerId: string }) => {
  const [favourites, recent] = await Promise.all([
    db.prisma.favouriteGame.findMany({
      where: { playerId },
      select: { game: { select: { slug: true } } },
      orderBy: { createdAt: "desc" },
    }),
    db.prisma.$queryRaw<{ slug: string }[]>`
      SELECT g.slug FROM round r JOIN game g ON g.id = r.game_id
      WHERE r.player_id = ${playerId}
      GROUP BY g.slug ORDER BY max(r.created_at) DESC LIMIT ${RECENTLY_PLAYED_LIMIT}`,
  ]);
  return { favourites: favourites.map((f) => f.game.slug), recentlyPlayed: recent.map((r) => r.slug) };
};

/** Stars or un-stars a game for the player; returns whether it is a favourite now. */
export const toggleFavourite = async (deps: Deps, rawInput: GameSlugInput & { playerId: string }) => {
  const { playerId, ...raw } = rawInput;
  const { slug } = parseInput(gameSlugInput, raw);
  const game = await deps.db.prisma.game.findUnique({ where: { slug }, select: { id: true } });
  if (!game) throw new DomainError("NOT_FOUND");
  const { count } = await deps.db.prisma.favouriteGame.deleteMany({ where: { playerId, gameId: game.id } });
  if (count > 0) return { slug, isFavourite: false };
  await deps.db.prisma.favouriteGame.createMany({
    data: [{ playerId, gameId: game.id, createdAt: deps.now() }],
    skipDuplicates: true,
  });
  return { slug, isFavourite: true };
};
