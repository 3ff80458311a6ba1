import { getOverview } from "../domains/system/get-overview";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const systemRouter = createTRPCRouter({
  overview: publicProcedure.query(({ ctx }) => getOverview(ctx)),
});
