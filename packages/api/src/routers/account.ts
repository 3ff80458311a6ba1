import { getAccount, updatePreferences } from "../domains/player-accounts/get-account";
import {
  requestPasswordResetInput,
  resetPasswordInput,
  signUpInput,
  tokenInput,
  updatePreferencesInput,
} from "../domains/player-accounts/player-accounts.schemas";
import { requestPasswordReset } from "../domains/player-accounts/request-password-reset";
import { resetPassword } from "../domains/player-accounts/reset-password";
import { sendVerificationEmail } from "../domains/player-accounts/send-verification";
import { signOutEverywhere } from "../domains/player-accounts/sign-out-everywhere";
import { signUp } from "../domains/player-accounts/sign-up";
import { verifyEmail } from "../domains/player-accounts/verify-email";
import { createTRPCRouter, playerProcedure, publicProcedure } from "../trpc";

/** Player accounts (sign-in itself goes through Auth.js, which calls authenticatePlayer). */
export const accountRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx, input)),
  verifyEmail: publicProcedure.input(tokenInput).mutation(({ ctx, input }) => verifyEmail(ctx, input)),
  resendVerification: playerProcedure.mutation(({ ctx }) => sendVerificationEmail(ctx, { playerId: ctx.player.id })),
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx, { ...input, ip: ctx.client?.ip ?? "unknown" })),
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => resetPassword(ctx, input)),
  me: playerProcedure.query(({ ctx }) => getAccount(ctx, { playerId: ctx.player.id })),
  updatePreferences: playerProcedure
    .input(updatePreferencesInput)
    .mutation(({ ctx, input }) => updatePreferences(ctx, { ...input, playerId: ctx.player.id })),
  signOutEverywhere: playerProcedure.mutation(({ ctx }) => signOutEverywhere(ctx, { playerId: ctx.player.id })),
});
