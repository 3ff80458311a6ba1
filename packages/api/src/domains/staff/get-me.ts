import { currencyExponents } from "@pitboss/db";
import type { StaffActor } from "./staff.types";

/** Where a staff session stands, in the order the sign-in page walks through. */
export const signInStageOf = (staff: StaffActor) =>
  !staff.isMfaComplete ? (staff.isEnrolled ? "totp" : "enrol") : staff.mustChangePassword ? "password" : "ready";

/**
 * What the admin UI needs about the caller: who, which permissions (to hide what the role cannot do; the
 * server checks again on every call) and the sign-in stage. Null when nobody is signed in.
 */
export const getMe = (staff: StaffActor | null) =>
  staff
    ? {
        id: staff.id,
        email: staff.email,
        displayName: staff.displayName,
        roles: staff.roles,
        permissions: staff.isMfaComplete ? staff.permissions : [],
        stage: signInStageOf(staff),
        currencyExponents: currencyExponents as Record<string, number>,
      }
    : null;
