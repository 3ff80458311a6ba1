import { getOpenRound } from "../domains/rounds/get-open-round";
import { getPlayerRound } from "../domains/rounds/get-round";
import { listRecentRounds } from "../domains/rounds/list-recent-rounds";
import { openRound } from "../domains/rounds/open-round";
import { placeBet } from "../domains/rounds/place-bet";
import { placeInstantBet } from "../domains/rounds/place-instant-bet";
import { revealMinesCell } from "../domains/rounds/reveal-mines-cell";
import {
  currentRoundInput,
  openRoundInput,
  placeBetInput,
  playRoundInput,
  revealCellInput,
  roundIdInput,
  settleRoundInput,
} from "../domains/rounds/rounds.schemas";
import { settleRound } from "../domains/rounds/settle-round";
import { createTRPCRouter, playerProcedure } from "../trpc";

export const roundRouter = createTRPCRouter({
  /** One instant round: stake, resolve, pay. Retry with the same idempotency key to get the same round. */
  play: playerProcedure
    .input(playRoundInput)
    .mutation(({ ctx, input }) => placeInstantBet(ctx, { ...input, playerId: ctx.player.id })),
  recent: playerProcedure.query(({ ctx }) => listRecentRounds(ctx, { playerId: ctx.player.id })),
  get: playerProcedure
    .input(roundIdInput)
    .query(({ ctx, input }) => getPlayerRound(ctx, { ...input, playerId: ctx.player.id })),
  open: playerProcedure
    .input(openRoundInput)
    .mutation(({ ctx, input }) => openRound(ctx, { ...input, playerId: ctx.player.id })),
  placeBet: playerProcedure
    .input(placeBetInput)
    .mutation(({ ctx, input }) => placeBet(ctx, { ...input, playerId: ctx.player.id })),
  /** The multi-step round of a game still in play, or null: a reloaded screen resumes it. */
  current: playerProcedure
    .input(currentRoundInput)
    .query(({ ctx, input }) => getOpenRound(ctx, { ...input, playerId: ctx.player.id })),
  /** One mines step: opens a cell of the committed board; a mine or the last safe cell settles the round. */
  reveal: playerProcedure
    .input(revealCellInput)
    .mutation(({ ctx, input }) => revealMinesCell(ctx, { ...input, playerId: ctx.player.id })),
  settle: playerProcedure
    .input(settleRoundInput)
    .mutation(({ ctx, input }) => settleRound(ctx, { ...input, playerId: ctx.player.id })),
});
