import type { ServiceDeps } from "../../deps";
import { sha256Hex } from "../../lib/sha256";
import { permissionsOf, type StaffRole } from "./policy";
import { staffSettingsOf, type WithStaffSettings } from "./settings";
import { findSessionByTokenHash, touchSession } from "./staff.repo";
import type { StaffActor } from "./staff.types";

/**
 * The staff member behind a session token (the admin cookie), or null when the token is unknown, revoked,
 * past its absolute expiry, idle for longer than the idle timeout, or its owner is disabled. Roles are read
 * fresh on every request, so a role change or a disable takes effect at once. Touches last_seen_at (at most
 * once per touch interval) to slide the idle timeout.
 */
export const resolveStaffSession = async (
  deps: Pick<ServiceDeps, "db" | "now"> & WithStaffSettings,
  token: string | null | undefined,
): Promise<StaffActor | null> => {
  if (!token || token.length > 128) return null;
  const session = await findSessionByTokenHash(deps.db, sha256Hex(token));
  if (!session || session.revokedAt || session.staff.isDisabled) return null;
  const now = deps.now();
  const settings = staffSettingsOf(deps);
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleFor > settings.idleTimeoutMs) return null;
  if (idleFor >= settings.touchIntervalMs) await touchSession(deps.db, session.id, now);
  const roles = (session.staff.roles ?? []) as StaffRole[];
  return {
    id: session.staff.id,
    sessionId: session.id,
    email: session.staff.email,
    displayName: session.staff.displayName,
    roles,
    permissions: permissionsOf(roles),
    isMfaComplete: session.mfaPassedAt !== null,
    isEnrolled: session.staff.mfaEnrolledAt !== null,
    mustChangePassword: session.staff.mustChangePassword,
  };
};
