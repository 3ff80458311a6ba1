import type { ServiceDeps } from "../../deps";
import { listRoleRequests, listStaff } from "./staff.repo";

/** Every staff account with its roles and sign-in state (no secrets). */
export const listStaffMembers = async ({ db, now }: Pick<ServiceDeps, "db" | "now">) => {
  const at = now();
  return (await listStaff(db)).map(({ mfaEnrolledAt, lockedUntil, roles, ...staff }) => ({
    ...staff,
    roles: roles ?? [],
    isEnrolled: mfaEnrolledAt !== null,
    isLocked: !!lockedUntil && lockedUntil > at,
  }));
};

/** Role requests, pending first then recent decisions. */
export const listStaffRoleRequests = async ({ db }: Pick<ServiceDeps, "db">) => {
  const requests = await listRoleRequests(db);
  return [...requests.filter((r) => r.status === "PENDING"), ...requests.filter((r) => r.status !== "PENDING")];
};
