import { z } from "zod";
import { staffRoles } from "./policy";

const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
const id = z.string().min(1).max(64);
const reason = z.string().trim().min(3).max(500);

export const signInInput = z.object({ email, password: z.string().min(1).max(200) }).strict();
export type SignInInput = z.input<typeof signInInput>;

export const totpInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "six digits"),
  })
  .strict();
export type TotpInput = z.input<typeof totpInput>;

export const recoveryInput = z.object({ code: z.string().trim().min(10).max(20) }).strict();
export type RecoveryInput = z.input<typeof recoveryInput>;

/** 12+ characters; a passphrase is better than a puzzle. */
export const newPassword = z.string().min(12, "at least 12 characters").max(200);
export const changePasswordInput = z.object({ currentPassword: z.string().min(1).max(200), newPassword }).strict();
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

export const sessionIdInput = z.object({ sessionId: id }).strict();
export const revokeSessionInput = z.object({ sessionId: id, reason: reason.optional() }).strict();
export type RevokeSessionInput = z.input<typeof revokeSessionInput>;

export const staffIdInput = z.object({ staffId: id }).strict();
export const staffActionInput = z.object({ staffId: id, reason }).strict();
export type StaffActionInput = z.input<typeof staffActionInput>;

const roles = z.array(z.enum(staffRoles)).min(1).max(staffRoles.length);

export const createStaffInput = z.object({ email, displayName: z.string().trim().min(2).max(100), roles }).strict();
export type CreateStaffInput = z.input<typeof createStaffInput>;

export const setRolesInput = z.object({ staffId: id, roles }).strict();
export type SetRolesInput = z.input<typeof setRolesInput>;

export const roleRequestDecisionInput = z.object({ requestId: id }).strict();
export type RoleRequestDecisionInput = z.input<typeof roleRequestDecisionInput>;
