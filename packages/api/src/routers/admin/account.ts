import { changePassword } from "../../domains/staff/change-password";
import { listOwnSessions, revokeOwnSession } from "../../domains/staff/sessions";
import { changePasswordInput, revokeSessionInput } from "../../domains/staff/staff.schemas";
import { createTRPCRouter, withPermission } from "../../trpc";

/** The signed-in staff member's own account. */
export const adminAccountRouter = createTRPCRouter({
  changePassword: withPermission("self.account")
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
  sessions: createTRPCRouter({
    list: withPermission("self.account").query(({ ctx }) => listOwnSessions(ctx)),
    revoke: withPermission("self.account")
      .input(revokeSessionInput)
      .mutation(({ ctx, input }) => revokeOwnSession(ctx, input)),
  }),
});
