import { cancelWithdrawal } from "../domains/payments/cancel-withdrawal";
import { createDeposit } from "../domains/payments/create-deposit";
import {
  cashierMethodsInput,
  historyInput,
  paymentIdInput,
  startPaymentInput,
} from "../domains/payments/payments.schemas";
import { getPlayerPayment, listCashierMethods, listPlayerPayments } from "../domains/payments/player-payments";
import { requestWithdrawal } from "../domains/payments/request-withdrawal";
import { createTRPCRouter, playerProcedure } from "../trpc";

/** The signed-in player's cashier: deposits, withdrawals and their history, always scoped to ctx.player. */
export const cashierRouter = createTRPCRouter({
  methods: playerProcedure
    .input(cashierMethodsInput)
    .query(({ ctx, input }) => listCashierMethods(ctx, { ...input, playerId: ctx.player.id })),
  /** Starts a deposit; the browser goes to `redirectUrl` (the provider's page). Same key, same deposit. */
  deposit: playerProcedure
    .input(startPaymentInput)
    .mutation(({ ctx, input }) => createDeposit(ctx, { ...input, playerId: ctx.player.id })),
  withdraw: playerProcedure
    .input(startPaymentInput)
    .mutation(({ ctx, input }) => requestWithdrawal(ctx, { ...input, playerId: ctx.player.id })),
  cancelWithdrawal: playerProcedure
    .input(paymentIdInput)
    .mutation(({ ctx, input }) => cancelWithdrawal(ctx, { ...input, playerId: ctx.player.id })),
  payment: playerProcedure
    .input(paymentIdInput)
    .query(({ ctx, input }) => getPlayerPayment(ctx, { ...input, playerId: ctx.player.id })),
  history: playerProcedure
    .input(historyInput)
    .query(({ ctx, input }) => listPlayerPayments(ctx, { ...input, playerId: ctx.player.id })),
});
