import { DomainError } from "@pitboss/db";
import { completeMfa } from "./complete-mfa";
import { isLocked, refuseMfa } from "./mfa-failure";
import { checkTotp, decryptMfaSecret, hashRecoveryCode } from "./secrets";
import { staffSettingsOf } from "./settings";
import { claimTotpStep, countUnusedRecoveryCodes, findStaffById, useRecoveryCode } from "./staff.repo";
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
 * already used (replay, or the same code twice) is refused with OTP_REPLAYED; each refusal is audited.
 */
export const verifyTotp = async (deps: StaffDeps, rawInput: TotpInput): Promise<IssuedSession> => {
  const input = totpInput.parse(rawInput);
  const staff = await loadEnrolled(deps);
  const now = deps.now();
  const action = "staff.auth.totp";
  if (isLocked(staff.lockedUntil, now)) {
    return refuseMfa(deps, { action, code: "ACCOUNT_LOCKED", reason: "account locked", countsAsFailure: false });
  }
  const secret = decryptMfaSecret(staffSettingsOf(deps).mfaKey, staff.id, staff.mfaSecret);
  if (!secret) {
    deps.logger.error({ staffId: staff.id }, "staff TOTP secret does not decrypt: wrong STAFF_MFA_KEY or altered row");
    return refuseMfa(deps, { action, code: "CONFLICT", reason: "stored secret unreadable", countsAsFailure: false });
  }
  const match = await checkTotp(secret, input.code, now);
  if (!match)
    return refuseMfa(deps, { action, code: "INVALID_CREDENTIALS", reason: "wrong code", countsAsFailure: true });
  return deps.db.prisma
    .$transaction(async (tx) => {
      if (!(await claimTotpStep(tx, staff.id, match.step))) {
        throw new DomainError("OTP_REPLAYED");
      }
      return completeMfa(deps, tx, "totp");
    })
    .catch((error: unknown) =>
      error instanceof DomainError && error.code === "OTP_REPLAYED"
        ? refuseMfa(deps, {
            action,
            code: "OTP_REPLAYED",
            reason: `time step ${match.step} already used`,
            countsAsFailure: true,
          })
        : Promise.reject(error),
    );
};

/** Step 2 with a recovery code instead: each code works once. */
export const verifyRecoveryCode = async (
  deps: StaffDeps,
  rawInput: RecoveryInput,
): Promise<IssuedSession & { remainingCodes: number }> => {
  const input = recoveryInput.parse(rawInput);
  const staff = await loadEnrolled(deps);
  const now = deps.now();
  const action = "staff.auth.recovery_code";
  if (isLocked(staff.lockedUntil, now)) {
    return refuseMfa(deps, { action, code: "ACCOUNT_LOCKED", reason: "account locked", countsAsFailure: false });
  }
  if (!(await useRecoveryCode(deps.db, staff.id, hashRecoveryCode(input.code), now))) {
    return refuseMfa(deps, {
      action,
      code: "INVALID_CREDENTIALS",
      reason: "unknown or used code",
      countsAsFailure: true,
    });
  }
  const session = await deps.db.prisma.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: staff.id }, data: { failedAttempts: 0, lockedUntil: null } });
    return completeMfa(deps, tx, "recovery_code");
  });
  return { ...session, remainingCodes: await countUnusedRecoveryCodes(deps.db, staff.id) };
};
