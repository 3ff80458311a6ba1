import { DomainError, type DomainErrorCode } from "@pitboss/db";
import { writeAudit } from "../audit/write-audit";
import { staffSettingsOf } from "./settings";
import { recordFailedAttempt } from "./staff.repo";
import type { StaffDeps } from "./staff.types";

/** Refuses an MFA step: audits it, counts it towards the lockout (if asked), and throws the typed error. */
export const refuseMfa = async (
  deps: StaffDeps,
  options: { action: string; code: DomainErrorCode; reason: string; countsAsFailure: boolean },
): Promise<never> => {
  let code = options.code;
  let reason = options.reason;
  if (options.countsAsFailure) {
    const settings = staffSettingsOf(deps);
    const failure = await recordFailedAttempt(deps.db, deps.staff.id, {
      now: deps.now(),
      max: settings.maxFailedAttempts,
      lockoutMs: settings.lockoutMs,
    });
    if (failure.isLocked) {
      code = "ACCOUNT_LOCKED";
      reason = `${reason}; locked after ${settings.maxFailedAttempts} failures`;
    }
  }
  await writeAudit(
    deps.db.prisma,
    deps,
    { ...deps.audit, actor: { type: "STAFF", id: deps.staff.id } },
    {
      action: options.action,
      outcome: "DENIED",
      targetType: "staff_session",
      targetId: deps.staff.sessionId,
      reason,
      errorCode: code,
    },
  );
  throw new DomainError(code);
};

export const isLocked = (lockedUntil: Date | null, now: Date) => !!lockedUntil && lockedUntil > now;
