import { getSeedPair } from "../domains/rounds/get-seed-pair";
import { rotateSeedPair } from "../domains/rounds/rotate-seed-pair";
import { rotateSeedPairInput, setClientSeedInput, verifyOutcomeInput } from "../domains/rounds/rounds.schemas";
import { setClientSeed } from "../domains/rounds/set-client-seed";
import { verifyOutcome } from "../domains/rounds/verify-outcome";
import { createTRPCRouter, playerProcedure, publicProcedure } from "../trpc";

export const fairnessRouter = createTRPCRouter({
  /** The active commitment (server seed hash, client seed, next nonce) and the last revealed pair. */
  get: playerProcedure.query(({ ctx }) => getSeedPair(ctx, { playerId: ctx.player.id })),
  rotate: playerProcedure
    .input(rotateSeedPairInput)
    .mutation(({ ctx, input }) => rotateSeedPair(ctx, { ...input, playerId: ctx.player.id })),
  setClientSeed: playerProcedure
    .input(setClientSeedInput)
    .mutation(({ ctx, input }) => setClientSeed(ctx, { ...input, playerId: ctx.player.id })),
  /** Anyone can recompute any round from its revealed seeds. */
  verify: publicProcedure.input(verifyOutcomeInput).query(({ input }) => verifyOutcome(input)),
});
