import { DomainError, type Tx } from "@pitboss/db";
import { writeAudit } from "../audit/write-audit";
import {
  type Attempt,
  accountLocked,
  giveBackAttempt,
  isLockedByAnother,
  type Refusal,
  wrongAnswerRefusal,
} from "./attempts";
import { lockStaffRowForSignIn } from "./staff.repo";
import type { StaffDeps } from "./staff.types";

/** Refuses an MFA step: audits it and throws the typed error. */
export const refuseMfa = async (deps: StaffDeps, options: Refusal & { action: string }): Promise<never> => {
  await writeAudit(
    deps.db.prisma,
    deps,
    { ...deps.audit, actor: { type: "STAFF", id: deps.staff.id } },
    {
      action: options.action,
      outcome: "DENIED",
      targetType: "staff_session",
      targetId: deps.staff.sessionId,
      reason: options.reason,
      errorCode: options.code,
    },
  );
  throw new DomainError(options.code);
};

/** Refuses a wrong answer; its attempt stays counted (the last one allowed locked the account). */
export const refuseWrongAnswer = (
  deps: StaffDeps,
  attempt: Attempt,
  options: Refusal & { action: string },
): Promise<never> => refuseMfa(deps, { action: options.action, ...wrongAnswerRefusal(deps, attempt, options) });

/** Thrown inside `completeMfaAttempt`'s work when the answer turns out wrong after all (a code already used). */
export class WrongAnswer extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
  }
}

class LockedMeanwhile extends Error {}

/**
 * Completes an MFA step whose answer was judged right, in one transaction that first checks, under the staff
 * row's lock, that no parallel attempt has locked the account; the row stays locked until commit, so none can
 * in between. `work` resets the failure count. It may throw WrongAnswer: refused, and the attempt stays
 * counted. Any other error gives the attempt back and propagates.
 */
export const completeMfaAttempt = async <T>(
  deps: StaffDeps,
  attempt: Attempt,
  action: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> => {
  try {
    return await deps.db.prisma.$transaction(async (tx) => {
      const { lockedUntil } = await lockStaffRowForSignIn(tx, attempt.staffId);
      if (isLockedByAnother(attempt, lockedUntil)) throw new LockedMeanwhile();
      return work(tx);
    });
  } catch (error) {
    if (error instanceof LockedMeanwhile) return refuseMfa(deps, { action, ...accountLocked });
    if (error instanceof WrongAnswer) return refuseWrongAnswer(deps, attempt, { action, ...error.refusal });
    // The original error is the one to report; a slot not given back only counts as one more failure.
    await giveBackAttempt(deps, attempt).catch(() => false);
    throw error;
  }
};
