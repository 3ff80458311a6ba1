import { DomainError } from "@pitboss/db";
import { accountLocked, claimAttempt, giveBackAttempt } from "./attempts";
import { completeMfa } from "./complete-mfa";
import { completeMfaAttempt, refuseMfa, refuseWrongAnswer, WrongAnswer } from "./mfa-failure";
import { checkTotp, decryptMfaSecret, hashRecoveryCode } from "./secrets";
import { staffSettingsOf } from "./settings";
import {
  claimTotpStep,
  clearFailedAttempts,
  countUnusedRecoveryCodes,
  findStaffById,
  useRecoveryCode,
} from "./staff.repo";
import { type RecoveryInput, recoveryInput, type TotpInput, totpInput } from "./staff.schemas";
import type { IssuedSession, StaffDeps } from "./staff.types";

const loadEnrolled = async (deps: StaffDeps) => {
  if (deps.staff.isMfaComplete) throw new DomainError("CONFLICT", { message: "this session already passed MFA" });
  const staff = await findStaffById(deps.db.prisma, deps.staff.id);
  if (!staff?.mfaEnrolledAt || !staff.mfaSecret) {
    throw new DomainError("CONFLICT", { message: "no authenticator enrolled yet: enrol first" });
  }
  return { ...staff, mfaSecret: staff.mfaSecret };
};

/**
 * Step 2 of sign-in: a TOTP code. A wrong code counts towards the lockout; a right code whose time step was
 * already used (replay, or the same code twice) is refused with OTP_REPLAYED; each refusal is audited. The code
 * is judged only once its attempt is claimed (see attempts.ts), so parallel guesses cannot beat the lockout.
 */
export const verifyTotp = async (deps: StaffDeps, rawInput: TotpInput): Promise<IssuedSession> => {
  const input = totpInput.parse(rawInput);
  const staff = await loadEnrolled(deps);
  const action = "staff.auth.totp";
  const attempt = await claimAttempt(deps, staff.id, deps.now());
  if (!attempt) return refuseMfa(deps, { action, ...accountLocked });
  const secret = decryptMfaSecret(staffSettingsOf(deps).mfaKey, staff.id, staff.mfaSecret);
  if (!secret) {
    deps.logger.error({ staffId: staff.id }, "staff TOTP secret does not decrypt: wrong STAFF_MFA_KEY or altered row");
    await giveBackAttempt(deps, attempt);
    return refuseMfa(deps, { action, code: "CONFLICT", reason: "stored secret unreadable" });
  }
  const match = await checkTotp(secret, input.code, attempt.now);
  if (!match) return refuseWrongAnswer(deps, attempt, { action, code: "INVALID_CREDENTIALS", reason: "wrong code" });
  return completeMfaAttempt(deps, attempt, action, async (tx) => {
    if (!(await claimTotpStep(tx, staff.id, match.step))) {
      throw new WrongAnswer({ code: "OTP_REPLAYED", reason: `time step ${match.step} already used` });
    }
    return completeMfa(deps, tx, "totp");
  });
};

/** Step 2 with a recovery code instead: each code works once. */
export const verifyRecoveryCode = async (
  deps: StaffDeps,
  rawInput: RecoveryInput,
): Promise<IssuedSession & { remainingCodes: number }> => {
  const input = recoveryInput.parse(rawInput);
  const staff = await loadEnrolled(deps);
  const action = "staff.auth.recovery_code";
  const attempt = await claimAttempt(deps, staff.id, deps.now());
  if (!attempt) return refuseMfa(deps, { action, ...accountLocked });
  const session = await completeMfaAttempt(deps, attempt, action, async (tx) => {
    if (!(await useRecoveryCode(tx, staff.id, hashRecoveryCode(input.code), attempt.now))) {
      throw new WrongAnswer({ code: "INVALID_CREDENTIALS", reason: "unknown or used code" });
    }
    await clearFailedAttempts(tx, staff.id);
    return completeMfa(deps, tx, "recovery_code");
  });
  return { ...session, remainingCodes: await countUnusedRecoveryCodes(deps.db, staff.id) };
};
