import type { ServiceDeps } from "../../deps";
import type { AuditContext } from "../audit/audit.types";
import type { Permission, StaffRole } from "./policy";
import type { WithStaffSettings } from "./settings";

/** The signed-in staff member behind a request, resolved from the admin session cookie on every call. */
export type StaffActor = {
  id: string;
  sessionId: string;
  email: string;
  displayName: string;
  roles: StaffRole[];
  permissions: Permission[];
  /** A TOTP or recovery code was accepted for this session. Nothing but the sign-in steps answers before. */
  isMfaComplete: boolean;
  isEnrolled: boolean;
  mustChangePassword: boolean;
};

/** Deps of a service that writes audit rows (the context says who, from where, in which request). */
export type AuditedDeps = ServiceDeps & WithStaffSettings & { audit: AuditContext };

/** Deps of a service acting for a signed-in staff member. */
export type StaffDeps = AuditedDeps & { staff: StaffActor };

/** What the sign-in steps hand back to the transport, which puts the token in the cookie and nowhere else. */
export type IssuedSession = { token: string; expiresAt: Date };
