import { DomainError } from "@pitboss/db";
import { writeAudit } from "../audit/write-audit";
import { findStaffById, revokeSessions } from "./staff.repo";
import { type StaffActionInput, staffActionInput } from "./staff.schemas";
import type { StaffDeps } from "./staff.types";

const loadOther = async (deps: StaffDeps, staffId: string, what: string) => {
  if (staffId === deps.staff.id) throw new DomainError("CONFLICT", { message: `you cannot ${what} your own account` });
  const target = await findStaffById(deps.db.prisma, staffId);
  if (!target) throw new DomainError("NOT_FOUND");
  return target;
};

/** Disables a staff member: every session ends now and sign-in is refused until re-enabled. */
export const disableStaff = async (deps: StaffDeps, rawInput: StaffActionInput) => {
  const input = staffActionInput.parse(rawInput);
  const target = await loadOther(deps, input.staffId, "disable");
  const now = deps.now();
  const revoked = await deps.db.prisma.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: target.id }, data: { isDisabled: true } });
    const count = await revokeSessions(
      tx,
      { staffId: target.id },
      { at: now, by: deps.staff.id, reason: "staff disabled" },
    );
    await writeAudit(tx, deps, deps.audit, {
      action: "staff.disable",
      targetType: "staff_user",
      targetId: target.id,
      before: { isDisabled: target.isDisabled },
      after: { isDisabled: true, sessionsRevoked: count },
      reason: input.reason,
    });
    return count;
  });
  return { staffId: target.id, isDisabled: true, sessionsRevoked: revoked };
};

export const enableStaff = async (deps: StaffDeps, rawInput: StaffActionInput) => {
  const input = staffActionInput.parse(rawInput);
  const target = await loadOther(deps, input.staffId, "enable");
  await deps.db.prisma.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: target.id },
      data: { isDisabled: false, failedAttempts: 0, lockedUntil: null },
    });
    await writeAudit(tx, deps, deps.audit, {
      action: "staff.enable",
      targetType: "staff_user",
      targetId: target.id,
      before: { isDisabled: target.isDisabled },
      after: { isDisabled: false },
      reason: input.reason,
    });
  });
  return { staffId: target.id, isDisabled: false };
};

/**
 * Removes a staff member's authenticator and recovery codes and ends their sessions: they enrol again at their
 * next sign-in (for a lost phone). Also lifts a lockout.
 */
export const resetStaffMfa = async (deps: StaffDeps, rawInput: StaffActionInput) => {
  const input = staffActionInput.parse(rawInput);
  const target = await loadOther(deps, input.staffId, "reset MFA on");
  const now = deps.now();
  await deps.db.prisma.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: target.id },
      data: { mfaSecret: null, mfaEnrolledAt: null, mfaLastStep: null, failedAttempts: 0, lockedUntil: null },
    });
    await tx.staffRecoveryCode.deleteMany({ where: { staffId: target.id } });
    const revoked = await revokeSessions(
      tx,
      { staffId: target.id },
      { at: now, by: deps.staff.id, reason: "MFA reset" },
    );
    await writeAudit(tx, deps, deps.audit, {
      action: "staff.mfa.reset",
      targetType: "staff_user",
      targetId: target.id,
      before: { isEnrolled: target.mfaEnrolledAt !== null },
      after: { isEnrolled: false, sessionsRevoked: revoked },
      reason: input.reason,
    });
  });
  return { staffId: target.id, isEnrolled: false };
};
