import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { auditRowsWhere, domainCodeOf, signInTestStaff, testStaffPassword } from "../../testing/staff";
import { createFundedPlayer } from "../../testing/wallet";
import type { ProcedureMeta } from "../../trpc";
import { allPermissions, rolePermissions, type StaffRole, signInProcedures, staffRoles } from "./policy";
import { resolveStaffSession } from "./resolve-session";
import { totpCodeAt } from "./secrets";
import { signIn } from "./sign-in";
import type { StaffActor } from "./staff.types";

const deps = createTestDeps();
afterAll(() => deps.db.close());

type Procedure = { _def: { meta?: ProcedureMeta; type: "query" | "mutation" | "subscription" } };
// At runtime `_def.procedures` is flat, keyed by full path ("admin.player.get"); its static type is the nested record.
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);
const adminProcedures = procedures.filter(([path]) => path.startsWith("admin."));
const asText = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v));
const listed = (kind: keyof typeof signInProcedures) => signInProcedures[kind] as readonly string[];

/** Calls any procedure by path, with whatever input (undefined: the permission check runs before input parsing). */
const call = (caller: ReturnType<typeof createTestCaller>, path: string, input?: unknown) =>
  (
    path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
      i: unknown,
    ) => Promise<unknown>
  )(input);

describe("every admin procedure declares its access in the policy file", () => {
  it("has admin procedures to check", () => {
    expect(adminProcedures.length).toBeGreaterThan(25);
  });

  it("is either a listed sign-in step or guarded by a known permission, never both, never neither", () => {
    const problems = adminProcedures.flatMap(([path, procedure]) => {
      const meta = procedure._def.meta ?? {};
      if (meta.permission && meta.access) return [`${path}: both a permission and a sign-in access`];
      if (meta.permission)
        return allPermissions.includes(meta.permission) ? [] : [`${path}: unknown ${meta.permission}`];
      if (meta.access === "anonymous")
        return listed("anonymous").includes(path) ? [] : [`${path}: anonymous, not listed`];
      if (meta.access === "mfa-pending")
        return listed("mfaPending").includes(path) ? [] : [`${path}: pre-MFA, not listed`];
      return [`${path}: no permission`];
    });
    expect(problems).toEqual([]);
    const paths = adminProcedures.map(([path]) => path);
    expect([...listed("anonymous"), ...listed("mfaPending")].filter((p) => !paths.includes(p))).toEqual([]);
  });

  it("uses every permission of the policy file somewhere", () => {
    const used = new Set(adminProcedures.map(([, p]) => p._def.meta?.permission).filter(Boolean));
    expect(allPermissions.filter((p) => !used.has(p))).toEqual([]);
  });
});

describe("procedure × role matrix", () => {
  const actors = new Map<StaffRole, StaffActor>();
  beforeAll(async () => {
    for (const role of staffRoles) actors.set(role, (await signInTestStaff(deps, [role])).staff);
  });

  it("answers exactly the roles the policy grants, refuses (and audits) every other", async () => {
    const mismatches: string[] = [];
    const denials = new Map<StaffRole, number>();
    for (const [path, procedure] of adminProcedures) {
      const permission = procedure._def.meta?.permission;
      if (!permission) continue;
      for (const role of staffRoles) {
        const staff = actors.get(role) as StaffActor;
        const code = await domainCodeOf(call(createTestCaller(deps, { app: "admin", staff }), path));
        const isGranted = rolePermissions[role].includes(permission);
        if (isGranted === (code === "FORBIDDEN")) mismatches.push(`${path} as ${role}: ${code} (policy: ${isGranted})`);
        if (!isGranted) denials.set(role, (denials.get(role) ?? 0) + 1);
      }
    }
    expect(mismatches).toEqual([]);
    for (const role of staffRoles) {
      const staff = actors.get(role) as StaffActor;
      const rows = await auditRowsWhere(deps, { actorId: staff.id, outcome: "DENIED" });
      expect(
        rows.filter((r) => r.errorCode === "FORBIDDEN"),
        role,
      ).toHaveLength(denials.get(role) ?? 0);
    }
  });
});

describe("refused callers: typed error, audit row, nothing changes", () => {
  const adjustment = (playerId: string) => ({
    playerId,
    currency: "EUR",
    amount: "1000.00",
    reasonCode: "GOODWILL" as const,
    note: "should never happen",
    idempotencyKey: randomUUID(),
  });
  const nothingChanged = async (playerId: string) => {
    expect(await deps.db.prisma.adjustmentRequest.count({ where: { playerId } })).toBe(0);
    const cash = await deps.db.prisma.account.findFirst({ where: { playerId, type: "CASH" } });
    expect(cash?.balanceMinor).toBe(10_000n);
  };

  it("refuses a player session calling an admin procedure from the player app", async () => {
    const player = await createFundedPlayer(deps, 10_000n);
    const caller = createTestCaller(deps, { app: "web", playerId: player.id });
    expect(await domainCodeOf(caller.admin.adjustment.create(adjustment(player.id)))).toBe("FORBIDDEN");
    expect(await domainCodeOf(caller.admin.auth.signIn({ email: "x@y.dev", password: "p" }))).toBe("FORBIDDEN");
    const rows = await auditRowsWhere(deps, { actorId: player.id });
    expect(rows.map((r) => [r.actorType, r.action, r.outcome, r.targetId])).toEqual([
      ["PLAYER", "admin.adjustment.create", "DENIED", player.id],
      ["PLAYER", "admin.auth.signIn", "DENIED", null],
    ]);
    await nothingChanged(player.id);
  });

  it("refuses a call without a session, and a staff session that has not passed MFA", async () => {
    const player = await createFundedPlayer(deps, 10_000n);
    expect(
      await domainCodeOf(createTestCaller(deps, { app: "admin" }).admin.adjustment.create(adjustment(player.id))),
    ).toBe("UNAUTHENTICATED");
    const finance = await signInTestStaff(deps, ["FINANCE"]);
    const pending = await signIn(
      { ...deps, audit: { actor: { type: "ANONYMOUS", id: null }, ip: null, userAgent: null, requestId: null } },
      {
        email: finance.email,
        password: testStaffPassword,
      },
    );
    const halfSignedIn = await resolveStaffSession(deps, pending.token);
    expect(halfSignedIn?.isMfaComplete).toBe(false);
    const caller = createTestCaller(deps, { app: "admin", staff: halfSignedIn });
    expect(await domainCodeOf(caller.admin.adjustment.create(adjustment(player.id)))).toBe("MFA_REQUIRED");
    expect(await domainCodeOf(caller.admin.player.search({ query: "a" }))).toBe("MFA_REQUIRED");
    const targeted = await auditRowsWhere(deps, { targetId: player.id, outcome: "DENIED" });
    expect(targeted.map((r) => [r.actorType, r.errorCode])).toEqual([
      ["ANONYMOUS", "UNAUTHENTICATED"],
      ["STAFF", "MFA_REQUIRED"],
    ]);
    await nothingChanged(player.id);
  });

  it("refuses a role without the permission, and an adjustment without a reason", async () => {
    const player = await createFundedPlayer(deps, 10_000n);
    const support = await signInTestStaff(deps, ["SUPPORT"]);
    expect(
      await domainCodeOf(
        createTestCaller(deps, { app: "admin", staff: support.staff }).admin.adjustment.create(adjustment(player.id)),
      ),
    ).toBe("FORBIDDEN");
    const finance = await signInTestStaff(deps, ["FINANCE"]);
    const financeCaller = createTestCaller(deps, { app: "admin", staff: finance.staff });
    expect(await domainCodeOf(financeCaller.admin.adjustment.create({ ...adjustment(player.id), note: "" }))).toBe(
      "INVALID_INPUT",
    );
    const { reasonCode: _, ...noReasonCode } = adjustment(player.id);
    expect(await domainCodeOf(financeCaller.admin.adjustment.create(noReasonCode as never))).toBe("INVALID_INPUT");
    const rows = await auditRowsWhere(deps, { targetId: player.id, outcome: "DENIED" });
    expect(rows.map((r) => [r.actorId, r.errorCode])).toEqual([
      [support.id, "FORBIDDEN"],
      [finance.id, "INVALID_INPUT"],
      [finance.id, "INVALID_INPUT"],
    ]);
    await nothingChanged(player.id);
  });
});

describe("one-time passwords and ADMIN grants", () => {
  it("makes a new staff member replace the one-time password before anything else", async () => {
    const admin = await signInTestStaff(deps, ["ADMIN"]);
    const adminCaller = createTestCaller(deps, { app: "admin", staff: admin.staff });
    const email = `new-${randomUUID().slice(0, 8)}@test.pitboss.dev`;
    const created = await adminCaller.admin.staff.create({ email, displayName: "New Hire", roles: ["SUPPORT"] });
    expect(created.oneTimePassword).toHaveLength(20);
    const audit = await auditRowsWhere(deps, { targetId: created.staffId, action: "staff.create" });
    expect(asText(audit)).not.toContain(created.oneTimePassword);

    const pending = await signIn(
      { ...deps, audit: { actor: { type: "ANONYMOUS", id: null }, ip: null, userAgent: null, requestId: null } },
      {
        email,
        password: created.oneTimePassword,
      },
    );
    let token = pending.token;
    const cookie = {
      set: (value: string) => {
        token = value;
      },
      clear: () => {},
    };
    const caller = async () =>
      createTestCaller(deps, { app: "admin", staff: await resolveStaffSession(deps, token), staffCookie: cookie });
    const { secret } = await (await caller()).admin.auth.mfa.enrolStart();
    await (await caller()).admin.auth.mfa.enrolConfirm({ code: await totpCodeAt(secret, deps.now()) });
    expect((await (await caller()).admin.auth.me())?.stage).toBe("password");
    expect(await domainCodeOf((await caller()).admin.player.search({ query: "x" }))).toBe("PASSWORD_CHANGE_REQUIRED");
    expect(
      await domainCodeOf(
        (await caller()).admin.account.changePassword({
          currentPassword: "wrong",
          newPassword: "a brand new passphrase",
        }),
      ),
    ).toBe("INVALID_CREDENTIALS");
    await (await caller()).admin.account.changePassword({
      currentPassword: created.oneTimePassword,
      newPassword: "a brand new passphrase",
    });
    expect((await (await caller()).admin.auth.me())?.stage).toBe("ready");
    expect(await (await caller()).admin.player.search({ query: "zzz-nobody-matches" })).toEqual([]);
    const changes = await auditRowsWhere(deps, { targetId: created.staffId, action: "admin.account.changePassword" });
    expect(asText(changes)).not.toContain("a brand new passphrase");
  });

  it("files ADMIN grants as requests that only a second admin may approve", async () => {
    const requester = await signInTestStaff(deps, ["ADMIN"]);
    const approver = await signInTestStaff(deps, ["ADMIN"]);
    const target = await signInTestStaff(deps, ["SUPPORT"]);
    const asRequester = createTestCaller(deps, { app: "admin", staff: requester.staff });
    const result = await asRequester.admin.staff.setRoles({ staffId: target.id, roles: ["SUPPORT", "ADMIN"] });
    expect(result).toMatchObject({ status: "PENDING_APPROVAL", roles: ["SUPPORT"] });
    const requestId = result.requestId as string;
    expect(await domainCodeOf(asRequester.admin.staff.roleRequest.approve({ requestId }))).toBe("SELF_APPROVAL");
    expect(
      await domainCodeOf(
        createTestCaller(deps, { app: "admin", staff: target.staff }).admin.staff.roleRequest.approve({ requestId }),
      ),
    ).toBe("FORBIDDEN");
    expect((await resolveStaffSession(deps, target.token))?.roles).toEqual(["SUPPORT"]);
    await createTestCaller(deps, { app: "admin", staff: approver.staff }).admin.staff.roleRequest.approve({
      requestId,
    });
    expect((await resolveStaffSession(deps, target.token))?.roles).toEqual(["ADMIN", "SUPPORT"]);
    const rows = await auditRowsWhere(deps, { targetId: requestId });
    expect(rows.map((r) => [r.actorId, r.errorCode])).toEqual([
      [requester.id, "SELF_APPROVAL"],
      [target.id, "FORBIDDEN"],
    ]);
    expect((await auditRowsWhere(deps, { targetId: target.id, action: "staff.roles.approve" }))[0]?.actorId).toBe(
      approver.id,
    );

    // Other role changes apply at once.
    await asRequester.admin.staff.setRoles({ staffId: target.id, roles: ["RISK"] });
    expect((await resolveStaffSession(deps, target.token))?.roles).toEqual(["RISK"]);
  });

  it("approves a role request only while the roles are still those it was filed against", async () => {
    const requester = await signInTestStaff(deps, ["ADMIN"]);
    const approver = await signInTestStaff(deps, ["ADMIN"]);
    const target = await signInTestStaff(deps, ["SUPPORT", "FINANCE"]);
    const asRequester = createTestCaller(deps, { app: "admin", staff: requester.staff });
    const asApprover = createTestCaller(deps, { app: "admin", staff: approver.staff });
    const { requestId } = await asRequester.admin.staff.setRoles({
      staffId: target.id,
      roles: ["SUPPORT", "FINANCE", "ADMIN"],
    });
    // FINANCE is taken away meanwhile; approving the old request must not hand it back.
    await asRequester.admin.staff.setRoles({ staffId: target.id, roles: ["SUPPORT"] });
    expect(await domainCodeOf(asApprover.admin.staff.roleRequest.approve({ requestId: requestId as string }))).toBe(
      "CONFLICT",
    );
    expect((await resolveStaffSession(deps, target.token))?.roles).toEqual(["SUPPORT"]);
    await asApprover.admin.staff.roleRequest.reject({ requestId: requestId as string });
    expect(
      await deps.db.prisma.staffRoleRequest.findUniqueOrThrow({ where: { id: requestId as string } }),
    ).toMatchObject({ status: "REJECTED", decidedBy: approver.id });
  });

  it("records who created an account and keeps them from deciding each other's role requests", async () => {
    const creator = await signInTestStaff(deps, ["ADMIN"]);
    const email = `hire-${randomUUID().slice(0, 8)}@test.pitboss.dev`;
    const created = await createTestCaller(deps, { app: "admin", staff: creator.staff }).admin.staff.create({
      email,
      displayName: "New Admin",
      roles: ["SUPPORT", "ADMIN"],
    });
    expect(
      await deps.db.prisma.staffUser.findUniqueOrThrow({ where: { id: created.staffId }, select: { createdBy: true } }),
    ).toEqual({ createdBy: creator.id });
    const requestId = created.pendingRoleRequestId as string;

    // An admin account the creator made earlier (signed in here without its one-time password flow).
    const creatorsOwn = await signInTestStaff(deps, ["ADMIN"], { createdBy: creator.id });
    expect(
      await domainCodeOf(
        createTestCaller(deps, { app: "admin", staff: creatorsOwn.staff }).admin.staff.roleRequest.approve({
          requestId,
        }),
      ),
    ).toBe("SELF_APPROVAL");
    const independent = await signInTestStaff(deps, ["ADMIN"]);
    await createTestCaller(deps, { app: "admin", staff: independent.staff }).admin.staff.roleRequest.approve({
      requestId,
    });
    expect(
      await deps.db.prisma.staffUser.findUniqueOrThrow({ where: { id: created.staffId }, select: { roles: true } }),
    ).toEqual({ roles: ["SUPPORT", "ADMIN"] });
  });
});
