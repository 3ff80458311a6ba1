import { getPersonalLobby, toggleFavourite } from "../domains/lobby/favourites";
import { getCatalog } from "../domains/lobby/get-catalog";
import { gameSlugInput } from "../domains/lobby/lobby.schemas";
import { createTRPCRouter, playerProcedure, publicProcedure } from "../trpc";

export const lobbyRouter = createTRPCRouter({
  /** The public catalogue with its category and provider facets (also served cacheable at /api/catalog). */
  catalog: publicProcedure.query(({ ctx }) => getCatalog(ctx)),
  /** The player's favourites and recently played games. */
  personal: playerProcedure.query(({ ctx }) => getPersonalLobby(ctx, { playerId: ctx.player.id })),
  toggleFavourite: playerProcedure
    .input(gameSlugInput)
    .mutation(({ ctx, input }) => toggleFavourite(ctx, { ...input, playerId: ctx.player.id })),
});
