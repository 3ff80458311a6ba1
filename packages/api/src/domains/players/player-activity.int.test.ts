import { randomInt } from "node:crypto";
import { createTestPlayer, uniqueEmail } from "@pitboss/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { ensureInHouseGames, newKey } from "../../testing/rounds";
import { auditRowsWhere, domainCodeOf, signInTestStaff } from "../../testing/staff";
import { createFundedPlayer } from "../../testing/wallet";
import { resolvePlayerSession } from "../player-accounts/resolve-session";
import { recordAttempt } from "../player-accounts/throttle";
import { phonePrefixOf } from "./search-players";

const deps = createTestDeps();
beforeAll(() => ensureInHouseGames(deps));
afterAll(() => deps.db.close());

const as = async (roles: Parameters<typeof signInTestStaff>[1]) =>
  createTestCaller(deps, { app: "admin", staff: (await signInTestStaff(deps, roles)).staff });

/** A random, valid E.164 number (German mobile shape), so parallel runs on one database do not collide. */
const uniquePhone = () => `+4915${randomInt(1e9).toString().padStart(9, "0")}`;

describe("player 360: phone", () => {
  it("reads typed phone numbers as E.164 prefixes", () => {
    expect(phonePrefixOf("+49 151 1234-5678")).toBe("+4915112345678");
    expect(phonePrefixOf("0049 (151) 123")).toBe("+49151123");
    expect(phonePrefixOf("4915112")).toBe("+4915112");
    expect(phonePrefixOf("+49")).toBeNull();
    expect(phonePrefixOf("alice")).toBeNull();
    expect(phonePrefixOf("+49 151 abc")).toBeNull();
  });

  it("finds a player by phone, whole or by prefix, however it is typed, and shows it in the profile", async () => {
    const phone = uniquePhone();
    const player = await createTestPlayer(deps.db, { email: uniqueEmail("phone"), phone });
    const support = await as(["SUPPORT"]);
    const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 6)} ${phone.slice(6)}`;
    for (const query of [phone, spaced, `00${phone.slice(1)}`, phone.slice(1)]) {
      expect(
        (await support.admin.player.search({ query })).map((p) => p.id),
        query,
      ).toEqual([player.id]);
    }
    const [found] = await support.admin.player.search({ query: phone.slice(0, 12) });
    expect(found?.phone).toBe(phone);
    expect((await support.admin.player.get({ playerId: player.id })).profile.phone).toBe(phone);
    expect(await support.admin.player.search({ query: "+999 000 000 000" })).toEqual([]);
  });

  it("refuses a phone number that is not E.164 (database check)", async () => {
    const player = await createTestPlayer(deps.db);
    for (const phone of ["0151 1234", "+49 151 1234", "+0151234", "+1234567890123456"]) {
      await expect(
        deps.db.pool.query("UPDATE player SET phone = $2 WHERE id = $1", [player.id, phone]),
        phone,
      ).rejects.toThrow(/player_phone_e164_check/);
    }
    await deps.db.pool.query("UPDATE player SET phone = '+15551234567' WHERE id = $1", [player.id]);
  });
});

describe("player 360: rounds", () => {
  it("lists the player's recent rounds, newest first, without seeds", async () => {
    const player = await createFundedPlayer(deps, 10_000n);
    const playerCaller = createTestCaller(deps, { playerId: player.id });
    const dice = (stakeMinor: bigint) => ({
      game: "dice",
      currency: "EUR",
      stakeMinor,
      params: { direction: "over" as const, target: 5000 },
      idempotencyKey: newKey(),
    });
    const first = await playerCaller.round.play(dice(100n));
    const second = await playerCaller.round.play(dice(200n));

    const marketing = await as(["MARKETING"]);
    const rounds = await marketing.admin.player.rounds({ playerId: player.id });
    expect(rounds.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(rounds[0]).toEqual({
      id: second.id,
      game: "dice",
      status: "SETTLED",
      result: second.result,
      currency: "EUR",
      stakeMinor: 200n,
      payoutMinor: second.payoutMinor,
      createdAt: second.createdAt,
      settledAt: second.settledAt,
    });
    expect((await marketing.admin.player.rounds({ playerId: player.id, limit: 1 })).map((r) => r.id)).toEqual([
      second.id,
    ]);
    const other = await createTestPlayer(deps.db);
    expect(await marketing.admin.player.rounds({ playerId: other.id })).toEqual([]);
    expect(await domainCodeOf(marketing.admin.player.rounds({ playerId: "ply_missing" }))).toBe("NOT_FOUND");
  });
});

describe("player 360: sessions", () => {
  it("shows the sign-in history with outcome and IP, newest first", async () => {
    const player = await createTestPlayer(deps.db, { email: uniqueEmail("signins") });
    await recordAttempt(deps, "SIGN_IN", player.email, "198.51.100.1", false);
    await recordAttempt(deps, "SIGN_IN", player.email, "198.51.100.2", true);
    await recordAttempt(deps, "PASSWORD_RESET", player.email, "198.51.100.3", true);
    await recordAttempt(deps, "SIGN_IN", uniqueEmail("someone-else"), "198.51.100.4", true);

    const auditor = await as(["AUDITOR"]);
    const attempts = await auditor.admin.player.sessions.list({ playerId: player.id });
    expect(attempts.map((a) => [a.ip, a.isSuccess])).toEqual([
      ["198.51.100.2", true],
      ["198.51.100.1", false],
    ]);
    expect(await domainCodeOf(auditor.admin.player.sessions.list({ playerId: "ply_missing" }))).toBe("NOT_FOUND");
  });

  it("signs the player out everywhere with a reason, audited; roles without the permission are refused", async () => {
    const player = await createTestPlayer(deps.db);
    const session = { playerId: player.id, sessionVersion: 0 };
    expect(await resolvePlayerSession(deps, session)).not.toBeNull();

    const marketing = await as(["MARKETING"]);
    expect(
      await domainCodeOf(
        marketing.admin.player.sessions.signOutEverywhere({ playerId: player.id, reason: "takeover suspected" }),
      ),
    ).toBe("FORBIDDEN");
    expect(await resolvePlayerSession(deps, session)).not.toBeNull();

    const supportStaff = await signInTestStaff(deps, ["SUPPORT"]);
    const support = createTestCaller(deps, { app: "admin", staff: supportStaff.staff });
    expect(
      await domainCodeOf(support.admin.player.sessions.signOutEverywhere({ playerId: player.id, reason: "" })),
    ).toBe("INVALID_INPUT");
    expect(
      await support.admin.player.sessions.signOutEverywhere({ playerId: player.id, reason: "takeover suspected" }),
    ).toEqual({ playerId: player.id, sessionVersion: 1 });
    expect(await resolvePlayerSession(deps, session)).toBeNull();
    expect(await resolvePlayerSession(deps, { ...session, sessionVersion: 1 })).not.toBeNull();
    expect(
      await domainCodeOf(
        support.admin.player.sessions.signOutEverywhere({ playerId: "ply_missing", reason: "takeover suspected" }),
      ),
    ).toBe("NOT_FOUND");

    const trail = await auditRowsWhere(deps, { targetId: player.id });
    expect(trail.map((r) => [r.action, r.outcome, r.errorCode])).toEqual([
      ["admin.player.sessions.signOutEverywhere", "DENIED", "FORBIDDEN"],
      ["admin.player.sessions.signOutEverywhere", "DENIED", "INVALID_INPUT"],
      ["player.sessions.revoke", "SUCCESS", null],
    ]);
    expect(trail[2]).toMatchObject({
      actorId: supportStaff.id,
      reason: "takeover suspected",
      before: { sessionVersion: 0 },
      after: { sessionVersion: 1 },
    });
  });
});
