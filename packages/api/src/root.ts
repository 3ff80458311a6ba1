import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { cashierRouter } from "./routers/cashier";
import { catalogRouter } from "./routers/catalog";
import { demoRouter } from "./routers/demo";
import { fairnessRouter } from "./routers/fairness";
import { lobbyRouter } from "./routers/lobby";
import { roundRouter } from "./routers/round";
import { studioRouter } from "./routers/studio";
import { walletRouter } from "./routers/wallet";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  admin: adminRouter,
  cashier: cashierRouter,
  catalog: catalogRouter,
  demo: demoRouter,
  fairness: fairnessRouter,
  lobby: lobbyRouter,
  round: roundRouter,
  studio: studioRouter,
  wallet: walletRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
