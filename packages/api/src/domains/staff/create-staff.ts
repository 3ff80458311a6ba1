import { DomainError, hashPassword } from "@pitboss/db";
import { writeAudit } from "../audit/write-audit";
import { newOneTimePassword } from "./secrets";
import { type CreateStaffInput, createStaffInput } from "./staff.schemas";
import type { StaffDeps } from "./staff.types";

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

/**
 * Creates a staff account with a one-time password (returned once, to hand over out of band; it must be
 * changed at first sign-in, after TOTP enrolment). Asking for ADMIN creates the account without it and files a
 * role request that a second admin must approve. The account records its creator, who never counts as its second
 * approver, nor it as theirs (independent-decider.ts).
 */
export const createStaff = async (deps: StaffDeps, rawInput: CreateStaffInput) => {
  const input = createStaffInput.parse(rawInput);
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const wantsAdmin = input.roles.includes("ADMIN");
  const grantedNow = [...new Set(input.roles.filter((role) => role !== "ADMIN"))];
  const now = deps.now();
  const staffId = deps.newId("staff");
  const roleRequestId = wantsAdmin ? deps.newId("roleRequest") : null;
  try {
    await deps.db.prisma.$transaction(async (tx) => {
      await tx.staffUser.create({
        data: {
          id: staffId,
          email: input.email,
          displayName: input.displayName,
          passwordHash,
          roles: grantedNow,
          mustChangePassword: true,
          createdAt: now,
          createdBy: deps.staff.id,
        },
      });
      if (roleRequestId) {
        await tx.staffRoleRequest.create({
          data: {
            id: roleRequestId,
            staffId,
            roles: [...new Set(input.roles)],
            rolesBefore: grantedNow,
            requestedBy: deps.staff.id,
            requestedAt: now,
          },
        });
      }
      await writeAudit(tx, deps, deps.audit, {
        action: "staff.create",
        targetType: "staff_user",
        targetId: staffId,
        after: { email: input.email, displayName: input.displayName, roles: grantedNow, roleRequestId },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("CONFLICT", { message: "a staff member with this email exists" });
    throw error;
  }
  return { staffId, oneTimePassword, roles: grantedNow, pendingRoleRequestId: roleRequestId };
};
