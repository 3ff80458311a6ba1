import { manualClock } from "@pitboss/db";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/context";
import {
  auditRowsWhere,
  domainCodeOf,
  signInTestStaff,
  staffDepsOf,
  testAuditContext,
  testStaffPassword,
} from "../../testing/staff";
import { resolveStaffSession } from "./resolve-session";
import { totpCodeAt } from "./secrets";
import { staffSettingsOf } from "./settings";
import { signIn } from "./sign-in";
import type { StaffActor } from "./staff.types";
import { verifyTotp } from "./verify-mfa";

// The clock stands still: every attempt of a burst happens at the same instant, inside one lockout window.
const clock = manualClock("2026-11-21T12:00:05Z");
const deps = createTestDeps({ now: clock });
afterAll(() => deps.db.close());

const { maxFailedAttempts } = staffSettingsOf({});
const halfMinute = 30_000;

/** A staff member with an enrolled authenticator, signed in with the password again: the TOTP step is next. */
const staffAtTotpStep = async () => staffAtTotpStepOf(await signInTestStaff(deps, ["SUPPORT"]));

/** Signs an enrolled staff member in with the password: the TOTP step is next, with a right and a wrong code. */
const staffAtTotpStepOf = async <A extends { email: string; secret: string }>(account: A) => {
  const pending = await signIn(
    { ...deps, audit: testAuditContext() },
    { email: account.email, password: testStaffPassword },
  );
  const actor = (await resolveStaffSession(deps, pending.token)) as StaffActor;
  // The last code used is at most the current time step's; the next step is still accepted (clock drift).
  const rightCode = await totpCodeAt(account.secret, new Date(clock().getTime() + halfMinute));
  return { account, actor, rightCode, wrongCode: await wrongCodeFor(account.secret) };
};

/** A well-formed code that matches none of the time steps accepted now (a fixed one could match by chance). */
const wrongCodeFor = async (secret: string) => {
  const accepted = await Promise.all(
    [-halfMinute, 0, halfMinute].map((offset) => totpCodeAt(secret, new Date(clock().getTime() + offset))),
  );
  return ["000000", "111111", "222222", "333333"].find((code) => !accepted.includes(code)) as string;
};

/** Fires every attempt at once (each its own request) and says how each ended. */
const inParallel = (attempts: (() => Promise<unknown>)[]) =>
  Promise.all(attempts.map((attempt) => domainCodeOf(attempt())));

/** `count` copies of `other` with `one` at `position`: where in the burst the right answer is sent. */
const burst = <T>(count: number, other: T, one: T, position: number) => {
  const all = Array.from({ length: count }, () => other);
  all.splice(position, 0, one);
  return all;
};

// Where the right answer goes in a burst of wrong ones: whichever runs first, the invariants must hold.
const positions = [
  ["first", 0],
  ["in the middle", 0.5],
  ["last", 1],
] as const;

const countOf = (codes: string[], code: string) => codes.filter((c) => c === code).length;

const lockedUntilOf = async (staffId: string) =>
  (await deps.db.prisma.staffUser.findUniqueOrThrow({ where: { id: staffId }, select: { lockedUntil: true } }))
    .lockedUntil;

/** TOTP refusals that judged a code and found it wrong (the refusals of a locked account judge nothing). */
const judgedWrongCodes = async (staffId: string) =>
  (await auditRowsWhere(deps, { actorId: staffId, action: "staff.auth.totp", outcome: "DENIED" })).filter((row) =>
    row.reason?.startsWith("wrong code"),
  );

/** Password refusals that ran the password check and found it wrong. */
const judgedWrongPasswords = async (staffId: string) =>
  (await auditRowsWhere(deps, { targetId: staffId, action: "staff.auth.sign_in", outcome: "DENIED" })).filter((row) =>
    row.reason?.startsWith("wrong password"),
  );

describe("staff lockout, one attempt at a time", () => {
  it("lets the last allowed attempt in when it is right, without giving the password step extra guesses", async () => {
    const { account, actor, rightCode, wrongCode } = await staffAtTotpStep();
    const password = (value: string) =>
      domainCodeOf(signIn({ ...deps, audit: testAuditContext() }, { email: account.email, password: value }));
    for (let i = 1; i < maxFailedAttempts; i++) expect(await password("wrong password")).toBe("INVALID_CREDENTIALS");
    // The right password takes the last slot (which locks, provisionally) and gives it back: not locked.
    expect(await password(testStaffPassword)).toBe("NO_ERROR");
    expect(await lockedUntilOf(account.id)).toBeNull();
    // …but the failures still count: one wrong code is the last one allowed.
    expect(await domainCodeOf(verifyTotp(staffDepsOf(deps, actor), { code: wrongCode }))).toBe("ACCOUNT_LOCKED");
    expect(await domainCodeOf(verifyTotp(staffDepsOf(deps, actor), { code: rightCode }))).toBe("ACCOUNT_LOCKED");

    // After the lockout, the last allowed code gets in when it is right, and a sign-in resets the count.
    clock.advance(staffSettingsOf({}).lockoutMs + halfMinute);
    const retry = await staffAtTotpStepOf(account);
    for (let i = 1; i < maxFailedAttempts; i++) {
      expect(await domainCodeOf(verifyTotp(staffDepsOf(deps, retry.actor), { code: retry.wrongCode }))).toBe(
        "INVALID_CREDENTIALS",
      );
    }
    expect(await domainCodeOf(verifyTotp(staffDepsOf(deps, retry.actor), { code: retry.rightCode }))).toBe("NO_ERROR");
    expect(
      await deps.db.prisma.staffUser.findUniqueOrThrow({
        where: { id: account.id },
        select: { failedAttempts: true, lockedUntil: true },
      }),
    ).toEqual({ failedAttempts: 0, lockedUntil: null });
  });
});

describe("staff lockout under parallel attempts", () => {
  it("judges at most the allowed number of parallel wrong TOTP codes, then locks", async () => {
    const { account, actor, wrongCode } = await staffAtTotpStep();

    const codes = await inParallel(
      Array.from({ length: 60 }, () => () => verifyTotp(staffDepsOf(deps, actor), { code: wrongCode })),
    );

    expect(await judgedWrongCodes(account.id)).toHaveLength(maxFailedAttempts);
    expect(countOf(codes, "INVALID_CREDENTIALS")).toBe(maxFailedAttempts - 1);
    expect(countOf(codes, "ACCOUNT_LOCKED")).toBe(60 - (maxFailedAttempts - 1));
    expect(await lockedUntilOf(account.id)).toEqual(expect.any(Date));
    expect((await lockedUntilOf(account.id))?.getTime()).toBeGreaterThan(clock().getTime());
  });

  it.each(positions)(
    "never lets the right TOTP code in once parallel wrong codes have locked the account (right code %s)",
    async (_, at) => {
      const { account, actor, rightCode, wrongCode } = await staffAtTotpStep();
      const wrong = () => verifyTotp(staffDepsOf(deps, actor), { code: wrongCode });
      const right = () => verifyTotp(staffDepsOf(deps, actor), { code: rightCode });
      const position = Math.round(80 * at);

      const codes = await inParallel(burst(80, wrong, right, position));
      const rightOutcome = codes[position];

      // Both outcomes are legitimate: the right code may be judged before the limit is reached, or be refused.
      expect(["NO_ERROR", "ACCOUNT_LOCKED"]).toContain(rightOutcome);
      const judged = await judgedWrongCodes(account.id);
      if (rightOutcome === "NO_ERROR") {
        // Signed in: the lock had not been reached, so fewer wrong codes than the limit were judged before it.
        // (A success resets the count: wrong codes judged after it start a new window and may lock again.)
        const [success] = await auditRowsWhere(deps, { targetId: actor.sessionId, action: "staff.auth.sign_in" });
        expect(success?.outcome).toBe("SUCCESS");
        const judgedBefore = judged.filter((row) => row.seq < (success?.seq ?? 0n));
        expect(judgedBefore.length).toBeLessThan(maxFailedAttempts);
      } else {
        expect(judged.length).toBeLessThanOrEqual(maxFailedAttempts);
        expect((await lockedUntilOf(account.id))?.getTime()).toBeGreaterThan(clock().getTime());
        // Refused means no session passed MFA (the one sign-in is the enrolment's).
        expect(await auditRowsWhere(deps, { actorId: account.id, action: "staff.auth.sign_in" })).toHaveLength(1);
      }
    },
  );

  it("judges at most the allowed number of parallel wrong passwords, then locks", async () => {
    const { account } = await staffAtTotpStep();
    const attempt = (password: string) => () =>
      signIn({ ...deps, audit: testAuditContext() }, { email: account.email, password });

    const codes = await inParallel(Array.from({ length: 40 }, () => attempt("wrong password")));

    expect(await judgedWrongPasswords(account.id)).toHaveLength(maxFailedAttempts);
    expect(countOf(codes, "INVALID_CREDENTIALS")).toBe(maxFailedAttempts - 1);
    expect(countOf(codes, "ACCOUNT_LOCKED")).toBe(40 - (maxFailedAttempts - 1));
    expect((await lockedUntilOf(account.id))?.getTime()).toBeGreaterThan(clock().getTime());
    expect(await domainCodeOf(attempt(testStaffPassword)())).toBe("ACCOUNT_LOCKED");
  });

  it.each(positions)(
    "never opens a session for the right password once parallel wrong passwords have locked the account (right password %s)",
    async (_, at) => {
      const { account } = await staffAtTotpStep();
      const attempt = (password: string) => () =>
        signIn({ ...deps, audit: testAuditContext() }, { email: account.email, password });
      const position = Math.round(40 * at);

      const codes = await inParallel(burst(40, attempt("wrong password"), attempt(testStaffPassword), position));
      const rightOutcome = codes[position];

      // Both outcomes are legitimate: the right password may be judged before the limit is reached, or be
      // refused. Either way no more wrong passwords than the limit are judged (a right password resets nothing).
      expect(["NO_ERROR", "ACCOUNT_LOCKED"]).toContain(rightOutcome);
      expect((await judgedWrongPasswords(account.id)).length).toBeLessThanOrEqual(maxFailedAttempts);
      if (rightOutcome === "ACCOUNT_LOCKED") {
        expect((await lockedUntilOf(account.id))?.getTime()).toBeGreaterThan(clock().getTime());
      }
      // A session is opened only for the right password, and only when it got in.
      const sessions = await deps.db.prisma.staffSession.count({ where: { staffId: account.id } });
      expect(sessions).toBe(rightOutcome === "NO_ERROR" ? 3 : 2);
    },
  );
});
