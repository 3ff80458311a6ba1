import { confirmEnrolment, startEnrolment } from "../../domains/staff/enrol-mfa";
import { getMe } from "../../domains/staff/get-me";
import { signOut } from "../../domains/staff/sessions";
import { signIn } from "../../domains/staff/sign-in";
import { recoveryInput, signInInput, totpInput } from "../../domains/staff/staff.schemas";
import { verifyRecoveryCode, verifyTotp } from "../../domains/staff/verify-mfa";
import { createTRPCRouter, staffAnonymousProcedure, staffMfaProcedure } from "../../trpc";

/**
 * Staff sign-in: password → TOTP (or enrolment on first sign-in) → signed in. The session token travels only
 * in the HttpOnly cookie the handler sets from `ctx.staffCookie`; responses never contain it.
 */
export const adminAuthRouter = createTRPCRouter({
  me: staffAnonymousProcedure.query(({ ctx }) => getMe(ctx.staff)),
  signIn: staffAnonymousProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const { token, expiresAt, next } = await signIn(ctx, input);
    ctx.staffCookie?.set(token, expiresAt);
    return { next };
  }),
  signOut: staffMfaProcedure.mutation(async ({ ctx }) => {
    const result = await signOut(ctx);
    ctx.staffCookie?.clear();
    return result;
  }),
  mfa: createTRPCRouter({
    verify: staffMfaProcedure.input(totpInput).mutation(async ({ ctx, input }) => {
      const { token, expiresAt } = await verifyTotp(ctx, input);
      ctx.staffCookie?.set(token, expiresAt);
      return { isSignedIn: true };
    }),
    recover: staffMfaProcedure.input(recoveryInput).mutation(async ({ ctx, input }) => {
      const { token, expiresAt, remainingCodes } = await verifyRecoveryCode(ctx, input);
      ctx.staffCookie?.set(token, expiresAt);
      return { isSignedIn: true, remainingCodes };
    }),
    enrolStart: staffMfaProcedure.mutation(({ ctx }) => startEnrolment(ctx)),
    enrolConfirm: staffMfaProcedure.input(totpInput).mutation(async ({ ctx, input }) => {
      const { token, expiresAt, recoveryCodes } = await confirmEnrolment(ctx, input);
      ctx.staffCookie?.set(token, expiresAt);
      return { isSignedIn: true, recoveryCodes };
    }),
  }),
});
