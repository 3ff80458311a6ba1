import { getHome } from "../../domains/reports/get-home";
import { createTRPCRouter, withPermission } from "../../trpc";

export const adminHomeRouter = createTRPCRouter({
  get: withPermission("home.read").query(({ ctx }) =>
    getHome(ctx, { permissions: ctx.staff.permissions, staffId: ctx.staff.id }),
  ),
});
