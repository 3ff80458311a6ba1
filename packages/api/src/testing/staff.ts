import { hashPassword, newId } from "@pitboss/db";
import { uniqueEmail } from "@pitboss/db/testing";
import type { ServiceDeps } from "../deps";
import type { AuditContext } from "../domains/audit/audit.types";
import { confirmEnrolment, startEnrolment } from "../domains/staff/enrol-mfa";
import type { StaffRole } from "../domains/staff/policy";
import { resolveStaffSession } from "../domains/staff/resolve-session";
import { totpCodeAt } from "../domains/staff/secrets";
import type { WithStaffSettings } from "../domains/staff/settings";
import { signIn } from "../domains/staff/sign-in";
import type { StaffActor, StaffDeps } from "../domains/staff/staff.types";

export const testStaffPassword = "correct horse battery staple";

// One scrypt hash for every test staff member: hashing is deliberately slow.
let passwordHash: Promise<string> | undefined;

/** A staff account with a unique email and the test password, not enrolled in MFA yet. */
export const createTestStaff = async (
  deps: Pick<ServiceDeps, "db">,
  roles: StaffRole[],
  overrides: { mustChangePassword?: boolean; isDisabled?: boolean; createdBy?: string } = {},
) => {
  passwordHash ??= hashPassword(testStaffPassword);
  return deps.db.prisma.staffUser.create({
    data: {
      id: newId("staff"),
      email: uniqueEmail(`staff-${roles.join("-").toLowerCase() || "none"}`),
      displayName: `Test ${roles.join("+") || "nobody"}`,
      passwordHash: await passwordHash,
      roles,
      ...overrides,
    },
    select: { id: true, email: true, roles: true },
  });
};

export const testAuditContext = (actor: AuditContext["actor"] = { type: "ANONYMOUS", id: null }): AuditContext => ({
  actor,
  ip: "203.0.113.7",
  userAgent: "vitest",
  requestId: newId("request"),
});

/** Service deps acting for a signed-in staff member (what the tRPC middleware builds from ctx). */
export const staffDepsOf = (deps: ServiceDeps & WithStaffSettings, staff: StaffActor): StaffDeps => ({
  ...deps,
  staff,
  audit: testAuditContext({ type: "STAFF", id: staff.id }),
});

/**
 * A staff member signed in all the way, as the UI does it: password, TOTP enrolment with a code computed from
 * the returned secret at `deps.now()`, then the session resolved from its cookie token.
 */
export const signInTestStaff = async (
  deps: ServiceDeps & WithStaffSettings,
  roles: StaffRole[],
  overrides: { mustChangePassword?: boolean; createdBy?: string } = {},
) => {
  const account = await createTestStaff(deps, roles, overrides);
  const pending = await signIn(
    { ...deps, audit: testAuditContext() },
    { email: account.email, password: testStaffPassword },
  );
  const pendingActor = (await resolveStaffSession(deps, pending.token)) as StaffActor;
  const { secret } = await startEnrolment(staffDepsOf(deps, pendingActor));
  const { token, recoveryCodes } = await confirmEnrolment(staffDepsOf(deps, pendingActor), {
    code: await totpCodeAt(secret, deps.now()),
  });
  const staff = (await resolveStaffSession(deps, token)) as StaffActor;
  return { ...account, staff, token, secret, recoveryCodes };
};

/** The domain code a call failed with (tRPC errors carry it as their cause), or NO_ERROR. */
export const domainCodeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return "NO_ERROR";
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown; name?: string } }).cause;
    if (cause?.name === "ZodError") return "INVALID_INPUT";
    if (typeof cause?.code === "string") return cause.code;
    return (error as { code?: string }).code ?? "UNKNOWN";
  }
};

/** Audit rows matching `where`, oldest first. */
export const auditRowsWhere = (
  deps: Pick<ServiceDeps, "db">,
  where: { actorId?: string; targetId?: string; action?: string; outcome?: "SUCCESS" | "DENIED"; requestId?: string },
) =>
  deps.db.prisma.auditLog.findMany({
    where,
    orderBy: { seq: "asc" },
    select: {
      seq: true,
      action: true,
      outcome: true,
      actorType: true,
      actorId: true,
      targetType: true,
      targetId: true,
      errorCode: true,
      reason: true,
      before: true,
      after: true,
      ip: true,
      userAgent: true,
    },
  });
