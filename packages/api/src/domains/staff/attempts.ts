import type { DomainErrorCode } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { staffSettingsOf, type WithStaffSettings } from "./settings";
import { claimAttemptSlot, giveBackAttemptSlot } from "./staff.repo";

/**
 * The lockout, as attempt slots: a password or code is judged only after its attempt has claimed one of the
 * slots left before the lockout, in the statement that checks the lock. A wrong answer keeps its slot (the
 * failure is already counted); a right one gives it back, which is refused if a parallel attempt has locked
 * the account meanwhile. So however many requests race, at most `maxFailedAttempts` wrong answers are judged
 * per lockout window, and none is judged, and no right answer gets in, while the account is locked. Nothing
 * slow (scrypt) runs under a row lock.
 */
export type Attempt = {
  staffId: string;
  /** The instant the attempt is judged at, and the lockout measured from. */
  now: Date;
  /** The lock this attempt's claim set, being the last one allowed; null for the others. */
  lockSet: Date | null;
};

type AttemptDeps = Pick<ServiceDeps, "db"> & WithStaffSettings;

/** An attempt to judge, or null when the account is locked (refuse it without judging anything). */
export const claimAttempt = async (deps: AttemptDeps, staffId: string, now: Date): Promise<Attempt | null> => {
  const { maxFailedAttempts, lockoutMs } = staffSettingsOf(deps);
  const slot = await claimAttemptSlot(deps.db, staffId, {
    now,
    max: maxFailedAttempts,
    lockUntil: new Date(now.getTime() + lockoutMs),
  });
  return slot ? { staffId, now, lockSet: slot.lockSet } : null;
};

/** For an answer judged right (or not judged): false when the account was locked meanwhile, so refuse it. */
export const giveBackAttempt = (deps: AttemptDeps, attempt: Attempt): Promise<boolean> =>
  giveBackAttemptSlot(deps.db, attempt.staffId, {
    now: attempt.now,
    max: staffSettingsOf(deps).maxFailedAttempts,
    lockSet: attempt.lockSet,
  });

const isLocked = (lockedUntil: Date | null, now: Date) => !!lockedUntil && lockedUntil > now;

/** Whether a lock read under the row lock was set by some other attempt (this one's own is lifted on success). */
export const isLockedByAnother = (attempt: Attempt, lockedUntil: Date | null) =>
  isLocked(lockedUntil, attempt.now) && lockedUntil?.getTime() !== attempt.lockSet?.getTime();

export type Refusal = { code: DomainErrorCode; reason: string };

export const accountLocked: Refusal = { code: "ACCOUNT_LOCKED", reason: "account locked" };

/** How a wrong answer is refused: the last attempt allowed reports the lockout it caused. */
export const wrongAnswerRefusal = (deps: WithStaffSettings, attempt: Attempt, refusal: Refusal): Refusal =>
  attempt.lockSet
    ? {
        code: "ACCOUNT_LOCKED",
        reason: `${refusal.reason}; locked after ${staffSettingsOf(deps).maxFailedAttempts} failures`,
      }
    : refusal;
