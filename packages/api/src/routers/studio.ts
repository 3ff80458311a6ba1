import { launchStudioGame, launchStudioGameInput } from "../domains/bridge/launch-game";
import { createTRPCRouter, playerProcedure } from "../trpc";

export const studioRouter = createTRPCRouter({
  /** Opens a studio game: a fresh game session and the studio URL to show in the iframe. */
  launch: playerProcedure
    .input(launchStudioGameInput)
    .mutation(({ ctx, input }) => launchStudioGame(ctx, { ...input, playerId: ctx.player.id })),
});
