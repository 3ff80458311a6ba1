import { DomainError } from "@pitboss/db";
import { writeAudit } from "../audit/write-audit";
import { assertIndependentDecider } from "./independent-decider";
import type { StaffRole } from "./policy";
import { findRoleRequest, findStaffById, replaceRolesIfUnchanged } from "./staff.repo";
import {
  type RoleRequestDecisionInput,
  roleRequestDecisionInput,
  type SetRolesInput,
  setRolesInput,
} from "./staff.schemas";
import type { StaffDeps } from "./staff.types";

const sorted = (roles: readonly string[]) => [...new Set(roles)].sort() as StaffRole[];

/**
 * Sets a staff member's roles. A change that grants ADMIN is not applied: it becomes a pending request that a
 * second admin approves (four-eyes); any other change applies at once (and takes effect on the next request).
 */
export const setRoles = async (deps: StaffDeps, rawInput: SetRolesInput) => {
  const input = setRolesInput.parse(rawInput);
  const target = await findStaffById(deps.db.prisma, input.staffId);
  if (!target) throw new DomainError("NOT_FOUND");
  const before = sorted(target.roles ?? []);
  const after = sorted(input.roles);
  const now = deps.now();
  if (after.includes("ADMIN") && !before.includes("ADMIN")) {
    const requestId = deps.newId("roleRequest");
    await deps.db.prisma.$transaction(async (tx) => {
      await tx.staffRoleRequest.create({
        data: {
          id: requestId,
          staffId: target.id,
          roles: after,
          rolesBefore: before,
          requestedBy: deps.staff.id,
          requestedAt: now,
        },
      });
      await writeAudit(tx, deps, deps.audit, {
        action: "staff.roles.request",
        targetType: "staff_user",
        targetId: target.id,
        before: { roles: before },
        after: { roles: after, requestId },
      });
    });
    return { status: "PENDING_APPROVAL" as const, requestId, roles: before };
  }
  await deps.db.prisma.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: target.id }, data: { roles: after } });
    await writeAudit(tx, deps, deps.audit, {
      action: "staff.roles.set",
      targetType: "staff_user",
      targetId: target.id,
      before: { roles: before },
      after: { roles: after },
    });
  });
  return { status: "APPLIED" as const, requestId: null, roles: after };
};

/**
 * A second admin decides a pending ADMIN grant. Neither the requester nor the staff member who would gain the
 * role may decide it, nor anyone linked to them by account creation (SELF_APPROVAL, independent-decider.ts).
 * Deciding an already decided request the same way again is a no-op. An approval applies the requested roles only
 * while the staff member's roles are still those the request was filed against; otherwise it would undo the change
 * made since (CONFLICT: reject the request and file a new one).
 */
export const decideRoleRequest = async (
  deps: StaffDeps,
  rawInput: RoleRequestDecisionInput,
  decision: "APPROVED" | "REJECTED",
) => {
  const input = roleRequestDecisionInput.parse(rawInput);
  const request = await findRoleRequest(deps.db.prisma, input.requestId);
  if (!request) throw new DomainError("NOT_FOUND");
  if (request.requestedBy === deps.staff.id || request.staffId === deps.staff.id) {
    throw new DomainError("SELF_APPROVAL", { message: "a second admin must decide this request" });
  }
  await assertIndependentDecider(
    deps.db.prisma,
    deps.staff.id,
    [request.requestedBy, request.staffId],
    "an admin who created the requester's or the staff member's account (or whose account they created) cannot decide this request",
  );
  if (request.status === decision) return { requestId: request.id, status: decision, isReplay: true };
  if (request.status !== "PENDING") throw new DomainError("CONFLICT", { message: `request already ${request.status}` });
  const now = deps.now();
  await deps.db.prisma.$transaction(async (tx) => {
    const claimed = await tx.staffRoleRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status: decision, decidedBy: deps.staff.id, decidedAt: now },
    });
    if (claimed.count !== 1) throw new DomainError("CONFLICT", { message: "request decided concurrently" });
    const target = await findStaffById(tx, request.staffId);
    if (
      decision === "APPROVED" &&
      !(await replaceRolesIfUnchanged(tx, request.staffId, request.rolesBefore, request.roles))
    ) {
      throw new DomainError("CONFLICT", {
        message: "the roles changed since this request was filed: reject it and file a new one",
      });
    }
    await writeAudit(tx, deps, deps.audit, {
      action: decision === "APPROVED" ? "staff.roles.approve" : "staff.roles.reject",
      targetType: "staff_user",
      targetId: request.staffId,
      before: { roles: sorted(target?.roles ?? []) },
      after: {
        roles: decision === "APPROVED" ? sorted(request.roles ?? []) : sorted(target?.roles ?? []),
        requestId: request.id,
      },
    });
  });
  return { requestId: request.id, status: decision, isReplay: false };
};
