import { randomBytes } from "node:crypto";
import { isDomainError, manualClock } from "@pitboss/db";
import { uniqueEmail } from "@pitboss/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { authenticatePlayer } from "./authenticate-player";
import { listOutbox } from "./list-outbox";
import { RESET_PASSWORD_TTL_MS, THROTTLE_WINDOW_MS, VERIFY_EMAIL_TTL_MS } from "./policy";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { resolvePlayerSession } from "./resolve-session";
import { signOutEverywhere } from "./sign-out-everywhere";
import { signUp } from "./sign-up";
import { verifyEmail } from "./verify-email";

const clock = manualClock("2026-11-21T12:00:00Z");
const deps = createTestDeps({ now: clock });
afterAll(() => deps.db.close());

const password = "correct-horse-7";
const newPlayer = (overrides: Partial<Parameters<typeof signUp>[1]> = {}) => ({
  email: uniqueEmail("acct"),
  password,
  displayName: "Test Player",
  dateOfBirth: "1990-05-01",
  country: "DE" as const,
  currency: "EUR" as const,
  ...overrides,
});

/** The token in the newest mail of a template sent to this address (what the player would click). */
const tokenFromOutbox = async (email: string, template: string) => {
  const mail = (await listOutbox(deps, { to: email })).find((m) => m.template === template);
  const token = new URLSearchParams(mail?.actionPath?.split("?")[1] ?? "").get("token");
  if (!token) throw new Error(`no ${template} mail for ${email}`);
  return token;
};

/** A fresh client address per test, so throttling state never leaks between tests. */
const uniqueIp = () => `10.${[...randomBytes(3)].join(".")}`;

/** The domain code a call fails with (services throw it; tRPC callers carry it as the cause), or NO_ERROR. */
const domainCodeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "NO_ERROR";
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (isDomainError(error)) return error.code;
    if (isDomainError(cause)) return cause.code;
    // A router's input schema refused it: the wire carries domainCode INVALID_INPUT (see trpc.ts errorFormatter).
    if ((cause as Error | undefined)?.name === "ZodError") return "INVALID_INPUT";
    return (error as { code?: string }).code ?? "UNKNOWN";
  }
};

describe("sign-up rules", () => {
  it("opens an account, stores the email lower-cased with a scrypt hash, and mails a verification link", async () => {
    const input = newPlayer();
    const { playerId, email } = await signUp(deps, { ...input, email: input.email.toUpperCase() });
    expect(email).toBe(input.email);
    const row = await deps.db.prisma.player.findUniqueOrThrow({ where: { id: playerId } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.emailVerifiedAt).toBeNull();
    expect(await tokenFromOutbox(input.email, "verify-email")).toHaveLength(43);
  });

  it("refuses a player under 18, counting to the day", async () => {
    expect(await domainCodeOf(signUp(deps, newPlayer({ dateOfBirth: "2008-11-22" })))).toBe("UNDERAGE");
    expect(await domainCodeOf(signUp(deps, newPlayer({ dateOfBirth: "2008-11-21" })))).toBe("NO_ERROR");
  });

  it("refuses a taken email, whatever its case", async () => {
    const input = newPlayer();
    await signUp(deps, input);
    expect(await domainCodeOf(signUp(deps, newPlayer({ email: input.email.toUpperCase() })))).toBe("EMAIL_TAKEN");
  });

  it("refuses a weak password with the reasons", async () => {
    const error = await signUp(deps, newPlayer({ password: "short" })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "WEAK_PASSWORD", meta: { reasons: ["length", "variety"] } });
    expect(await domainCodeOf(signUp(deps, newPlayer({ password: "password123" })))).toBe("WEAK_PASSWORD");
  });

  it("refuses malformed input as INVALID_INPUT through the router too", async () => {
    const caller = createTestCaller(deps, { app: "web" });
    expect(await domainCodeOf(caller.account.signUp({ ...newPlayer(), email: "not-an-email" }))).toBe("INVALID_INPUT");
    expect(await domainCodeOf(caller.account.signUp(newPlayer({ dateOfBirth: "2000-02-30" })))).toBe("INVALID_INPUT");
  });
});

describe("email verification", () => {
  it("verifies once; the same link then fails", async () => {
    const input = newPlayer();
    const { playerId } = await signUp(deps, input);
    const token = await tokenFromOutbox(input.email, "verify-email");
    await verifyEmail(deps, { token });
    expect((await createTestCaller(deps, { playerId }).account.me()).isEmailVerified).toBe(true);
    expect(await domainCodeOf(verifyEmail(deps, { token }))).toBe("TOKEN_INVALID");
  });

  it("expires after 24 hours", async () => {
    const input = newPlayer();
    await signUp(deps, input);
    const token = await tokenFromOutbox(input.email, "verify-email");
    clock.advance(VERIFY_EMAIL_TTL_MS + 1);
    try {
      expect(await domainCodeOf(verifyEmail(deps, { token }))).toBe("TOKEN_INVALID");
    } finally {
      clock.advance(-(VERIFY_EMAIL_TTL_MS + 1));
    }
  });

  it("refuses an unknown token", async () => {
    expect(await domainCodeOf(verifyEmail(deps, { token: "x".repeat(43) }))).toBe("TOKEN_INVALID");
  });

  it("a resent link replaces the older one", async () => {
    const input = newPlayer();
    const { playerId } = await signUp(deps, input);
    const first = await tokenFromOutbox(input.email, "verify-email");
    clock.advance(1000);
    await createTestCaller(deps, { playerId, app: "web" }).account.resendVerification();
    const second = await tokenFromOutbox(input.email, "verify-email");
    expect(second).not.toBe(first);
    expect(await domainCodeOf(verifyEmail(deps, { token: first }))).toBe("TOKEN_INVALID");
    expect(await domainCodeOf(verifyEmail(deps, { token: second }))).toBe("NO_ERROR");
  });
});

describe("sign-in and throttling", () => {
  it("signs in with the right password, case-insensitively on the email", async () => {
    const input = newPlayer();
    const { playerId } = await signUp(deps, input);
    const session = await authenticatePlayer(deps, {
      email: ` ${input.email.toUpperCase()} `,
      password,
      ip: uniqueIp(),
    });
    expect(session).toMatchObject({ playerId, sessionVersion: 0 });
  });

  it("gives an unknown email and a wrong password the same answer", async () => {
    const input = newPlayer();
    await signUp(deps, input);
    const ip = uniqueIp();
    expect(await domainCodeOf(authenticatePlayer(deps, { email: input.email, password: "wrong-pass-1", ip }))).toBe(
      "INVALID_CREDENTIALS",
    );
    expect(await domainCodeOf(authenticatePlayer(deps, { email: uniqueEmail("nobody"), password, ip }))).toBe(
      "INVALID_CREDENTIALS",
    );
  });

  it("locks an email and IP after 5 failures, known or unknown email alike, until the window passes", async () => {
    const input = newPlayer();
    await signUp(deps, input);
    const unknown = uniqueEmail("ghost");
    const ip = uniqueIp();
    for (const email of [input.email, unknown]) {
      for (let i = 0; i < 5; i += 1) {
        expect(await domainCodeOf(authenticatePlayer(deps, { email, password: "wrong-pass-1", ip }))).toBe(
          "INVALID_CREDENTIALS",
        );
      }
      // Now even the right password is refused, with the same answer for both emails.
      expect(await domainCodeOf(authenticatePlayer(deps, { email, password, ip }))).toBe("RATE_LIMITED");
    }
    // Another IP is not locked out of the account.
    expect(await domainCodeOf(authenticatePlayer(deps, { email: input.email, password, ip: uniqueIp() }))).toBe(
      "NO_ERROR",
    );
    clock.advance(THROTTLE_WINDOW_MS + 1);
    try {
      expect(await domainCodeOf(authenticatePlayer(deps, { email: input.email, password, ip }))).toBe("NO_ERROR");
    } finally {
      clock.advance(-(THROTTLE_WINDOW_MS + 1));
    }
  });

  it("throttles reset requests the same way for known and unknown emails", async () => {
    const input = newPlayer();
    await signUp(deps, input);
    const ip = uniqueIp();
    for (const email of [input.email, uniqueEmail("ghost")]) {
      for (let i = 0; i < 3; i += 1) {
        expect(await requestPasswordReset(deps, { email, ip })).toEqual({ isAccepted: true });
      }
      expect(await domainCodeOf(requestPasswordReset(deps, { email, ip }))).toBe("RATE_LIMITED");
    }
  });
});

describe("password reset", () => {
  it("sets a new password once, signs out everywhere, and the link cannot be used again", async () => {
    const input = newPlayer();
    const { playerId } = await signUp(deps, input);
    const before = await authenticatePlayer(deps, { email: input.email, password, ip: uniqueIp() });
    await requestPasswordReset(deps, { email: input.email, ip: uniqueIp() });
    const token = await tokenFromOutbox(input.email, "reset-password");

    // A weak password does not use up the link.
    expect(await domainCodeOf(resetPassword(deps, { token, password: "weak" }))).toBe("WEAK_PASSWORD");
    await resetPassword(deps, { token, password: "new-horse-battery-9" });
    expect(await domainCodeOf(resetPassword(deps, { token, password: "other-horse-battery-9" }))).toBe("TOKEN_INVALID");

    expect(await resolvePlayerSession(deps, { playerId, sessionVersion: before.sessionVersion })).toBeNull();
    expect(await domainCodeOf(authenticatePlayer(deps, { email: input.email, password, ip: uniqueIp() }))).toBe(
      "INVALID_CREDENTIALS",
    );
    const after = await authenticatePlayer(deps, {
      email: input.email,
      password: "new-horse-battery-9",
      ip: uniqueIp(),
    });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect((await listOutbox(deps, { to: input.email }))[0]?.template).toBe("password-changed");
  });

  it("expires after one hour", async () => {
    const input = newPlayer();
    await signUp(deps, input);
    await requestPasswordReset(deps, { email: input.email, ip: uniqueIp() });
    const token = await tokenFromOutbox(input.email, "reset-password");
    clock.advance(RESET_PASSWORD_TTL_MS + 1);
    try {
      expect(await domainCodeOf(resetPassword(deps, { token, password: "new-horse-battery-9" }))).toBe("TOKEN_INVALID");
    } finally {
      clock.advance(-(RESET_PASSWORD_TTL_MS + 1));
    }
  });

  it("sends nothing for an unknown email, yet answers the same", async () => {
    const email = uniqueEmail("ghost");
    expect(await requestPasswordReset(deps, { email, ip: uniqueIp() })).toEqual({ isAccepted: true });
    expect(await listOutbox(deps, { to: email })).toEqual([]);
  });

  it("a verify token cannot reset a password", async () => {
    const input = newPlayer();
    await signUp(deps, input);
    const token = await tokenFromOutbox(input.email, "verify-email");
    expect(await domainCodeOf(resetPassword(deps, { token, password: "new-horse-battery-9" }))).toBe("TOKEN_INVALID");
  });
});

describe("sessions", () => {
  it("sign out everywhere ends every session issued before it", async () => {
    const input = newPlayer();
    const { playerId } = await signUp(deps, input);
    const session = await authenticatePlayer(deps, { email: input.email, password, ip: uniqueIp() });
    expect(await resolvePlayerSession(deps, { playerId, sessionVersion: session.sessionVersion })).toMatchObject({
      id: playerId,
    });
    await createTestCaller(deps, { playerId, app: "web" }).account.signOutEverywhere();
    expect(await resolvePlayerSession(deps, { playerId, sessionVersion: session.sessionVersion })).toBeNull();
    const fresh = await authenticatePlayer(deps, { email: input.email, password, ip: uniqueIp() });
    expect(await resolvePlayerSession(deps, { playerId, sessionVersion: fresh.sessionVersion })).not.toBeNull();
  });

  it("the database refuses to lower a session version", async () => {
    const input = newPlayer();
    const { playerId } = await signUp(deps, input);
    await signOutEverywhere(deps, { playerId });
    await expect(
      deps.db.prisma.player.update({ where: { id: playerId }, data: { sessionVersion: 0 } }),
    ).rejects.toThrow();
  });

  it("a suspended player cannot sign in and loses their sessions", async () => {
    const input = newPlayer();
    const { playerId } = await signUp(deps, input);
    const session = await authenticatePlayer(deps, { email: input.email, password, ip: uniqueIp() });
    await deps.db.prisma.player.update({ where: { id: playerId }, data: { status: "SUSPENDED" } });
    expect(await domainCodeOf(authenticatePlayer(deps, { email: input.email, password, ip: uniqueIp() }))).toBe(
      "FORBIDDEN",
    );
    expect(await resolvePlayerSession(deps, { playerId, sessionVersion: session.sessionVersion })).toBeNull();
  });

  it("account procedures need a signed-in player", async () => {
    expect(await domainCodeOf(createTestCaller(deps, { app: "web" }).account.me())).toBe("UNAUTHENTICATED");
  });
});
