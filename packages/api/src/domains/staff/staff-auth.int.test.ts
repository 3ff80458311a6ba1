import { manualClock } from "@pitboss/db";
import { afterAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestDeps } from "../../testing/context";
import {
  auditRowsWhere,
  createTestStaff,
  domainCodeOf,
  signInTestStaff,
  staffDepsOf,
  testAuditContext,
  testStaffPassword,
} from "../../testing/staff";
import type { StaffCookieWriter } from "../../trpc";
import { resolveStaffSession } from "./resolve-session";
import { totpCodeAt } from "./secrets";
import { listOwnSessions, revokeOwnSession, revokeStaffSession } from "./sessions";
import { signIn } from "./sign-in";
import type { StaffActor } from "./staff.types";

const clock = manualClock("2026-11-21T09:00:05Z");
const deps = createTestDeps({ now: clock });
afterAll(() => deps.db.close());

const minute = 60_000;

/** The admin app as a browser sees it: a caller per request, the cookie jar carried between them. */
const browser = () => {
  let token: string | null = null;
  const cookie: StaffCookieWriter = {
    set: (value) => {
      token = value;
    },
    clear: () => {
      token = null;
    },
  };
  return {
    get token() {
      return token;
    },
    caller: async () =>
      createTestCaller(deps, { app: "admin", staff: await resolveStaffSession(deps, token), staffCookie: cookie }),
  };
};

describe("staff sign-in with mandatory TOTP", () => {
  it("enrols on first sign-in (QR code, recovery codes), then signs in again with a code", async () => {
    const account = await createTestStaff(deps, ["SUPPORT"]);
    const tab = browser();

    expect(
      await (await tab.caller()).admin.auth.signIn({ email: account.email.toUpperCase(), password: testStaffPassword }),
    ).toEqual({
      next: "enrol",
    });
    const pendingToken = tab.token;
    expect((await (await tab.caller()).admin.auth.me())?.stage).toBe("enrol");
    // Nothing but the sign-in steps answers before MFA.
    expect(await domainCodeOf((await tab.caller()).admin.home.get())).toBe("MFA_REQUIRED");

    const enrolment = await (await tab.caller()).admin.auth.mfa.enrolStart();
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.uri).toContain(`secret=${enrolment.secret}`);
    const stored = await deps.db.prisma.staffUser.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored.mfaSecret).not.toContain(enrolment.secret);
    expect(stored.mfaEnrolledAt).toBeNull();

    expect(await domainCodeOf((await tab.caller()).admin.auth.mfa.enrolConfirm({ code: "000000" }))).toBe(
      "INVALID_CREDENTIALS",
    );
    const confirmed = await (await tab.caller()).admin.auth.mfa.enrolConfirm({
      code: await totpCodeAt(enrolment.secret, clock()),
    });
    expect(confirmed.recoveryCodes).toHaveLength(10);
    // The token was rotated when MFA passed: the pre-MFA one is worthless now.
    expect(tab.token).not.toBe(pendingToken);
    expect(await resolveStaffSession(deps, pendingToken)).toBeNull();
    expect((await (await tab.caller()).admin.auth.me())?.stage).toBe("ready");
    expect((await (await tab.caller()).admin.home.get()).figures).toBeInstanceOf(Array);

    await (await tab.caller()).admin.auth.signOut();
    expect(tab.token).toBeNull();

    clock.advance(30_000);
    expect(await (await tab.caller()).admin.auth.signIn({ email: account.email, password: testStaffPassword })).toEqual(
      {
        next: "totp",
      },
    );
    await (await tab.caller()).admin.auth.mfa.verify({ code: await totpCodeAt(enrolment.secret, clock()) });
    expect((await (await tab.caller()).admin.auth.me())?.stage).toBe("ready");

    const actions = (await auditRowsWhere(deps, { actorId: account.id })).map((r) => `${r.action}:${r.outcome}`);
    expect(actions).toEqual([
      "admin.home.get:DENIED",
      "staff.mfa.enrol_start:SUCCESS",
      "staff.mfa.enrol_confirm:DENIED",
      "staff.mfa.enrol_confirm:SUCCESS",
      "staff.auth.sign_in:SUCCESS",
      "staff.auth.sign_out:SUCCESS",
      "staff.auth.sign_in:SUCCESS",
    ]);
  });

  it("accepts each TOTP time step once: a replayed code is refused and audited", async () => {
    const signedIn = await signInTestStaff(deps, ["FINANCE"]);
    const code = await totpCodeAt(signedIn.secret, clock());
    const tab = browser();
    await (await tab.caller()).admin.auth.signIn({ email: signedIn.email, password: testStaffPassword });
    // The enrolment already used this step's code.
    expect(await domainCodeOf((await tab.caller()).admin.auth.mfa.verify({ code }))).toBe("OTP_REPLAYED");
    const next = await totpCodeAt(signedIn.secret, new Date(clock().getTime() + 30_000));
    await (await tab.caller()).admin.auth.mfa.verify({ code: next });
    expect((await (await tab.caller()).admin.auth.me())?.stage).toBe("ready");

    // The same code again, from another browser: refused.
    const other = browser();
    await (await other.caller()).admin.auth.signIn({ email: signedIn.email, password: testStaffPassword });
    expect(await domainCodeOf((await other.caller()).admin.auth.mfa.verify({ code: next }))).toBe("OTP_REPLAYED");
    const denied = await auditRowsWhere(deps, { actorId: signedIn.id, action: "staff.auth.totp", outcome: "DENIED" });
    expect(denied.map((r) => r.errorCode)).toEqual(["OTP_REPLAYED", "OTP_REPLAYED"]);
    expect(denied[0]?.ip).toBe("203.0.113.7");
  });

  it("locks the account after five failures (password or code) and unlocks after the lockout", async () => {
    const account = await createTestStaff(deps, ["RISK"]);
    const attempt = (password: string) =>
      domainCodeOf(signIn({ ...deps, audit: testAuditContext() }, { email: account.email, password }));
    for (let i = 0; i < 4; i++) expect(await attempt("wrong password")).toBe("INVALID_CREDENTIALS");
    expect(await attempt("wrong password")).toBe("ACCOUNT_LOCKED");
    expect(await attempt(testStaffPassword)).toBe("ACCOUNT_LOCKED");
    clock.advance(16 * minute);
    expect(await attempt(testStaffPassword)).toBe("NO_ERROR");
    const rows = await auditRowsWhere(deps, { targetId: account.id, action: "staff.auth.sign_in", outcome: "DENIED" });
    expect(rows.map((r) => r.errorCode)).toEqual([
      ...Array(4).fill("INVALID_CREDENTIALS"),
      "ACCOUNT_LOCKED",
      "ACCOUNT_LOCKED",
    ]);

    // Wrong TOTP codes count towards the same lockout.
    const signedIn = await signInTestStaff(deps, ["RISK"]);
    const tab = browser();
    await (await tab.caller()).admin.auth.signIn({ email: signedIn.email, password: testStaffPassword });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(await domainCodeOf((await tab.caller()).admin.auth.mfa.verify({ code: "000000" })));
    expect(codes).toEqual([...Array(4).fill("INVALID_CREDENTIALS"), "ACCOUNT_LOCKED"]);
    const good = await totpCodeAt(signedIn.secret, new Date(clock().getTime() + 30_000));
    expect(await domainCodeOf((await tab.caller()).admin.auth.mfa.verify({ code: good }))).toBe("ACCOUNT_LOCKED");
  });

  it("refuses unknown emails and disabled accounts with the same error", async () => {
    const unknown = await domainCodeOf(
      signIn({ ...deps, audit: testAuditContext() }, { email: "nobody-at-all@test.pitboss.dev", password: "x" }),
    );
    expect(unknown).toBe("INVALID_CREDENTIALS");
    const disabled = await createTestStaff(deps, ["SUPPORT"], { isDisabled: true });
    expect(
      await domainCodeOf(
        signIn({ ...deps, audit: testAuditContext() }, { email: disabled.email, password: testStaffPassword }),
      ),
    ).toBe("INVALID_CREDENTIALS");
  });

  it("lets a recovery code replace a TOTP code, once", async () => {
    const signedIn = await signInTestStaff(deps, ["SUPPORT"]);
    const [code = ""] = signedIn.recoveryCodes;
    const tab = browser();
    await (await tab.caller()).admin.auth.signIn({ email: signedIn.email, password: testStaffPassword });
    expect(await (await tab.caller()).admin.auth.mfa.recover({ code: code.toUpperCase() })).toEqual({
      isSignedIn: true,
      remainingCodes: 9,
    });
    const again = browser();
    await (await again.caller()).admin.auth.signIn({ email: signedIn.email, password: testStaffPassword });
    expect(await domainCodeOf((await again.caller()).admin.auth.mfa.recover({ code }))).toBe("INVALID_CREDENTIALS");
  });
});

describe("staff sessions", () => {
  it("expire after the idle timeout, slide while used, and end at the absolute expiry", async () => {
    const { token } = await signInTestStaff(deps, ["SUPPORT"]);
    clock.advance(29 * minute);
    expect(await resolveStaffSession(deps, token)).not.toBeNull();
    clock.advance(29 * minute);
    expect(await resolveStaffSession(deps, token)).not.toBeNull();
    clock.advance(31 * minute);
    expect(await resolveStaffSession(deps, token)).toBeNull();

    const busy = await signInTestStaff(deps, ["SUPPORT"]);
    for (let used = 20; used < 12 * 60; used += 20) {
      clock.advance(20 * minute);
      expect(await resolveStaffSession(deps, busy.token), `after ${used} min`).not.toBeNull();
    }
    clock.advance(20 * minute);
    expect(await resolveStaffSession(deps, busy.token)).toBeNull();
  });

  it("lists and revokes one's own sessions, never someone else's; admins revoke anyone's", async () => {
    const first = await signInTestStaff(deps, ["SUPPORT"]);
    const tab = browser();
    await (await tab.caller()).admin.auth.signIn({ email: first.email, password: testStaffPassword });
    await (await tab.caller()).admin.auth.mfa.verify({
      code: await totpCodeAt(first.secret, new Date(clock().getTime() + 30_000)),
    });
    const second = (await resolveStaffSession(deps, tab.token)) as StaffActor;

    const mine = await listOwnSessions(staffDepsOf(deps, first.staff));
    expect(
      mine
        .filter((s) => s.isActive)
        .map((s) => s.id)
        .sort(),
    ).toEqual([first.staff.sessionId, second.sessionId].sort());
    expect(mine.find((s) => s.isCurrent)?.id).toBe(first.staff.sessionId);

    await revokeOwnSession(staffDepsOf(deps, first.staff), { sessionId: second.sessionId });
    expect(await resolveStaffSession(deps, tab.token)).toBeNull();

    const stranger = await signInTestStaff(deps, ["SUPPORT"]);
    expect(
      await domainCodeOf(revokeOwnSession(staffDepsOf(deps, stranger.staff), { sessionId: first.staff.sessionId })),
    ).toBe("NOT_FOUND");
    expect(await resolveStaffSession(deps, first.token)).not.toBeNull();

    const admin = await signInTestStaff(deps, ["ADMIN"]);
    await revokeStaffSession(staffDepsOf(deps, admin.staff), {
      sessionId: first.staff.sessionId,
      reason: "left the desk",
    });
    expect(await resolveStaffSession(deps, first.token)).toBeNull();
    expect(await auditRowsWhere(deps, { actorId: admin.id, action: "staff.session.revoke" })).toHaveLength(1);
  });

  it("ends every session of a disabled staff member and refuses their sign-in", async () => {
    const target = await signInTestStaff(deps, ["MARKETING"]);
    const admin = await signInTestStaff(deps, ["ADMIN"]);
    const caller = createTestCaller(deps, { app: "admin", staff: admin.staff });
    expect(await caller.admin.staff.disable({ staffId: target.id, reason: "left the company" })).toMatchObject({
      isDisabled: true,
      sessionsRevoked: 1,
    });
    expect(await resolveStaffSession(deps, target.token)).toBeNull();
    expect(
      await domainCodeOf(
        signIn({ ...deps, audit: testAuditContext() }, { email: target.email, password: testStaffPassword }),
      ),
    ).toBe("INVALID_CREDENTIALS");
    expect(await domainCodeOf(caller.admin.staff.disable({ staffId: admin.id, reason: "oops" }))).toBe("CONFLICT");
  });
});
