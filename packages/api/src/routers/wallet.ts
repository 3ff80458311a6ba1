import { isDemoMode } from "../demo-mode";
import { addDemoCredits } from "../domains/wallet/add-demo-credits";
import { exportPlayerTransactionsCsv, getWalletSummary, listPlayerTransactions } from "../domains/wallet/player-wallet";
import { demoCreditsInput, exportTransactionsInput, transactionsInput } from "../domains/wallet/player-wallet.schemas";
import { createTRPCRouter, playerProcedure } from "../trpc";

/** The signed-in player's own wallet: every query is scoped to ctx.player. */
export const walletRouter = createTRPCRouter({
  summary: playerProcedure.query(({ ctx }) => getWalletSummary(ctx, { playerId: ctx.player.id })),
  transactions: playerProcedure
    .input(transactionsInput)
    .query(({ ctx, input }) => listPlayerTransactions(ctx, { ...input, playerId: ctx.player.id })),
  exportCsv: playerProcedure
    .input(exportTransactionsInput)
    .query(({ ctx, input }) => exportPlayerTransactionsCsv(ctx, { ...input, playerId: ctx.player.id })),
  /** Demo mode only: a deposit from the "demo" provider so a new player can play. */
  addDemoCredits: playerProcedure
    .input(demoCreditsInput)
    .mutation(({ ctx, input }) => addDemoCredits(ctx, { ...input, playerId: ctx.player.id, isDemoMode: isDemoMode() })),
});
