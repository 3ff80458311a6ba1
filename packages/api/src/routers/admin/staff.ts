import { decideRoleRequest, setRoles } from "../../domains/staff/change-roles";
import { createStaff } from "../../domains/staff/create-staff";
import { listStaffMembers, listStaffRoleRequests } from "../../domains/staff/list-staff";
import { listStaffSessions, revokeStaffSession } from "../../domains/staff/sessions";
import {
  createStaffInput,
  revokeSessionInput,
  roleRequestDecisionInput,
  setRolesInput,
  staffActionInput,
  staffIdInput,
} from "../../domains/staff/staff.schemas";
import { disableStaff, enableStaff, resetStaffMfa } from "../../domains/staff/staff-status";
import { createTRPCRouter, withPermission } from "../../trpc";

/** Staff management (ADMIN), read-only views for auditors. */
export const adminStaffRouter = createTRPCRouter({
  list: withPermission("staff.read").query(({ ctx }) => listStaffMembers(ctx)),
  create: withPermission("staff.manage")
    .input(createStaffInput)
    .mutation(({ ctx, input }) => createStaff(ctx, input)),
  setRoles: withPermission("staff.manage")
    .input(setRolesInput)
    .mutation(({ ctx, input }) => setRoles(ctx, input)),
  disable: withPermission("staff.manage")
    .input(staffActionInput)
    .mutation(({ ctx, input }) => disableStaff(ctx, input)),
  enable: withPermission("staff.manage")
    .input(staffActionInput)
    .mutation(({ ctx, input }) => enableStaff(ctx, input)),
  resetMfa: withPermission("staff.manage")
    .input(staffActionInput)
    .mutation(({ ctx, input }) => resetStaffMfa(ctx, input)),
  sessions: createTRPCRouter({
    list: withPermission("staff.read")
      .input(staffIdInput)
      .query(({ ctx, input }) => listStaffSessions(ctx, input)),
    revoke: withPermission("staff.manage")
      .input(revokeSessionInput)
      .mutation(({ ctx, input }) => revokeStaffSession(ctx, input)),
  }),
  roleRequest: createTRPCRouter({
    list: withPermission("staff.read").query(({ ctx }) => listStaffRoleRequests(ctx)),
    approve: withPermission("staff.approve")
      .input(roleRequestDecisionInput)
      .mutation(({ ctx, input }) => decideRoleRequest(ctx, input, "APPROVED")),
    reject: withPermission("staff.approve")
      .input(roleRequestDecisionInput)
      .mutation(({ ctx, input }) => decideRoleRequest(ctx, input, "REJECTED")),
  }),
});
