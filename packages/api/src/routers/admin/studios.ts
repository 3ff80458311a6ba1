import { openRoundsInput } from "../../domains/bridge/open-rounds";
import { reconcileReportInput } from "../../domains/bridge/reconcile-report";
import {
  listGamesInput,
  listOpenRoundsForStaff,
  listProviderGames,
  listStudioProviders,
  reconcileStudioReport,
  switchGame,
  switchGameInput,
  switchProvider,
  switchProviderInput,
} from "../../domains/bridge/studio-admin";
import { createTRPCRouter, withPermission } from "../../trpc";

/** Game studios: providers and their kill switch, the catalogue per provider, open rounds, report reconciliation. */
export const adminStudiosRouter = createTRPCRouter({
  provider: createTRPCRouter({
    list: withPermission("studios.read").query(({ ctx }) => listStudioProviders(ctx)),
    setEnabled: withPermission("studios.manage")
      .input(switchProviderInput)
      .mutation(({ ctx, input }) => switchProvider(ctx, input)),
  }),
  game: createTRPCRouter({
    list: withPermission("studios.read")
      .input(listGamesInput)
      .query(({ ctx, input }) => listProviderGames(ctx, input)),
    setEnabled: withPermission("studios.manage")
      .input(switchGameInput)
      .mutation(({ ctx, input }) => switchGame(ctx, input)),
  }),
  openRounds: withPermission("studios.read")
    .input(openRoundsInput)
    .query(({ ctx, input }) => listOpenRoundsForStaff(ctx, input)),
  // A mutation only because a report can be megabytes (a POST body); it changes nothing.
  reconcile: withPermission("studios.read")
    .input(reconcileReportInput)
    .mutation(({ ctx, input }) => reconcileStudioReport(ctx, input)),
});
