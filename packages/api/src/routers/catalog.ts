import { listEnabledGames } from "../domains/system/list-enabled-games";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const catalogRouter = createTRPCRouter({
  list: publicProcedure.query(({ ctx }) => listEnabledGames(ctx)),
});
