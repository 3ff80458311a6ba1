import { DomainError, hashPassword, verifyPassword } from "@pitboss/db";
import { writeAudit } from "../audit/write-audit";
import { findStaffById, revokeSessions } from "./staff.repo";
import { type ChangePasswordInput, changePasswordInput } from "./staff.schemas";
import type { StaffDeps } from "./staff.types";

/**
 * Replaces the signed-in staff member's password (the way out of a one-time password). Every other session of
 * theirs is revoked; this one stays.
 */
export const changePassword = async (deps: StaffDeps, rawInput: ChangePasswordInput) => {
  const input = changePasswordInput.parse(rawInput);
  const staff = await findStaffById(deps.db.prisma, deps.staff.id);
  if (!staff || !(await verifyPassword(input.currentPassword, staff.passwordHash))) {
    throw new DomainError("INVALID_CREDENTIALS", { message: "the current password is wrong" });
  }
  if (input.currentPassword === input.newPassword) {
    throw new DomainError("INVALID_INPUT", { message: "choose a password different from the current one" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.now();
  await deps.db.prisma.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: staff.id }, data: { passwordHash, mustChangePassword: false } });
    const revoked = await revokeSessions(
      tx,
      { staffId: staff.id, id: { not: deps.staff.sessionId } },
      { at: now, by: staff.id, reason: "password changed" },
    );
    await writeAudit(
      tx,
      deps,
      { ...deps.audit, actor: { type: "STAFF", id: staff.id } },
      {
        action: "staff.password.change",
        targetType: "staff_user",
        targetId: staff.id,
        before: { mustChangePassword: staff.mustChangePassword },
        after: { mustChangePassword: false, otherSessionsRevoked: revoked },
      },
    );
  });
  return { isChanged: true };
};
