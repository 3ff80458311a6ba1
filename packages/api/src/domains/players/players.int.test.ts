import type { DomainError } from "@pitboss/db";
import { createTestPlayer, uniqueEmail } from "@pitboss/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { auditRowsWhere, domainCodeOf, signInTestStaff } from "../../testing/staff";
import { createFundedPlayer } from "../../testing/wallet";
import { runWagerChecks } from "../compliance/wager-checks";
import { isBettingBlocked, isDepositBlocked, isWithdrawalBlocked } from "./restrictions";

const deps = createTestDeps();
afterAll(() => deps.db.close());

const as = async (roles: Parameters<typeof signInTestStaff>[1]) =>
  createTestCaller(deps, { app: "admin", staff: (await signInTestStaff(deps, roles)).staff });

describe("player 360", () => {
  it("finds players by id, email and name", async () => {
    const name = `Zelda ${Date.now()}`;
    const player = await createTestPlayer(deps.db, { email: uniqueEmail("zelda"), displayName: name });
    const support = await as(["SUPPORT"]);
    expect((await support.admin.player.search({ query: player.id })).map((p) => p.id)).toEqual([player.id]);
    expect((await support.admin.player.search({ query: player.email.toUpperCase() })).map((p) => p.id)).toEqual([
      player.id,
    ]);
    expect((await support.admin.player.search({ query: name.toLowerCase() })).map((p) => p.id)).toEqual([player.id]);
    expect(await support.admin.player.search({ query: "no-such-player-anywhere" })).toEqual([]);
  });

  it("shows profile, balances, statement, notes, tags and a timeline", async () => {
    const player = await createFundedPlayer(deps, 2_500n);
    const support = await as(["SUPPORT"]);
    const note = await support.admin.player.note.create({
      playerId: player.id,
      body: "Called about a missing deposit",
    });
    expect(await support.admin.player.tag.add({ playerId: player.id, tag: "VIP" })).toEqual({
      tag: "vip",
      isNew: true,
    });
    expect(await support.admin.player.tag.add({ playerId: player.id, tag: "vip" })).toEqual({
      tag: "vip",
      isNew: false,
    });

    const view = await support.admin.player.get({ playerId: player.id });
    expect(view.profile).toMatchObject({ id: player.id, email: player.email, status: "ACTIVE" });
    expect(view.notes.map((n) => n.id)).toEqual([note.id]);
    expect(view.tags.map((t) => t.tag)).toEqual(["vip"]);
    expect(await support.admin.player.balances({ playerId: player.id })).toEqual([
      { currency: "EUR", type: "CASH", scope: "", balanceMinor: 2_500n, exponent: 2 },
    ]);
    const statement = await support.admin.player.statement({ playerId: player.id, currency: "EUR" });
    expect(statement.items.map((i) => [i.kind, i.amountMinor])).toEqual([["DEPOSIT", 2_500n]]);
    const timeline = await support.admin.player.timeline({ playerId: player.id });
    expect(timeline.map((e) => e.kind).sort()).toEqual(["ledger", "note", "registered", "tag"]);

    // Marketing sees the player but no money.
    const marketing = await as(["MARKETING"]);
    expect((await marketing.admin.player.timeline({ playerId: player.id })).map((e) => e.kind)).not.toContain("ledger");
    expect(await domainCodeOf(marketing.admin.player.balances({ playerId: player.id }))).toBe("FORBIDDEN");
    expect(await domainCodeOf(marketing.admin.player.note.create({ playerId: player.id, body: "hi" }))).toBe(
      "FORBIDDEN",
    );

    expect(await support.admin.player.tag.remove({ playerId: player.id, tag: "vip" })).toEqual({
      tag: "vip",
      isRemoved: true,
    });
    const actions = (await auditRowsWhere(deps, { targetId: player.id, outcome: "SUCCESS" })).map((r) => r.action);
    expect(actions).toEqual(["player.note.create", "player.tag.add", "player.tag.remove"]);
    expect(await domainCodeOf(support.admin.player.get({ playerId: "ply_missing" }))).toBe("NOT_FOUND");
  });

  it("restricts with a reason, enforces it for betting, and lifts it", async () => {
    const player = await createFundedPlayer(deps, 100n);
    const risk = await as(["RISK"]);
    expect(await isBettingBlocked(deps, player.id)).toBe(false);
    const { restrictionId } = await risk.admin.player.restriction.create({
      playerId: player.id,
      type: "BLOCK_BETTING",
      reason: "affordability review",
    });
    expect(await isBettingBlocked(deps, player.id)).toBe(true);
    expect(await isDepositBlocked(deps, player.id)).toBe(false);
    const wager = { playerId: player.id, gameSlug: "dice", currency: "EUR", stakeMinor: 10n };
    const refusal = await runWagerChecks(deps, wager).catch((error: DomainError) => error);
    expect(refusal).toMatchObject({ code: "WAGER_BLOCKED", meta: { reason: "RESTRICTED_BLOCK_BETTING" } });
    expect(
      await domainCodeOf(
        risk.admin.player.restriction.create({ playerId: player.id, type: "BLOCK_BETTING", reason: "again" }),
      ),
    ).toBe("CONFLICT");
    expect(
      await domainCodeOf(risk.admin.player.restriction.create({ playerId: player.id, type: "SUSPEND", reason: "" })),
    ).toBe("INVALID_INPUT");

    const suspended = await risk.admin.player.restriction.create({
      playerId: player.id,
      type: "SUSPEND",
      reason: "fraud check",
    });
    expect(suspended.playerStatus).toBe("SUSPENDED");
    expect(await isDepositBlocked(deps, player.id)).toBe(true);
    expect(await isWithdrawalBlocked(deps, player.id)).toBe(false);
    await risk.admin.player.restriction.lift({ restrictionId: suspended.restrictionId, reason: "cleared" });
    await risk.admin.player.restriction.lift({ restrictionId, reason: "review done" });
    expect(await isBettingBlocked(deps, player.id)).toBe(false);
    await runWagerChecks(deps, wager);
    expect((await risk.admin.player.get({ playerId: player.id })).profile.status).toBe("ACTIVE");
    expect(await domainCodeOf(risk.admin.player.restriction.lift({ restrictionId, reason: "twice" }))).toBe("CONFLICT");

    const support = await as(["SUPPORT"]);
    expect(
      await domainCodeOf(
        support.admin.player.restriction.create({ playerId: player.id, type: "CLOSE", reason: "nope" }),
      ),
    ).toBe("FORBIDDEN");

    // Anyone who may restrict may close an account; only an admin reopens it.
    const closed = await risk.admin.player.restriction.create({
      playerId: player.id,
      type: "CLOSE",
      reason: "asked to",
    });
    expect(closed.playerStatus).toBe("CLOSED");
    const reopen = { restrictionId: closed.restrictionId, reason: "oops" };
    expect(await domainCodeOf(risk.admin.player.restriction.lift(reopen))).toBe("INVALID_INPUT");
    expect(await domainCodeOf(risk.admin.player.restriction.reopen(reopen))).toBe("FORBIDDEN");
    expect((await risk.admin.player.get({ playerId: player.id })).profile.status).toBe("CLOSED");
    const admin = await as(["ADMIN"]);
    expect(await domainCodeOf(admin.admin.player.restriction.lift(reopen))).toBe("INVALID_INPUT");
    await admin.admin.player.restriction.reopen({ restrictionId: closed.restrictionId, reason: "closed by mistake" });
    expect((await risk.admin.player.get({ playerId: player.id })).profile.status).toBe("ACTIVE");
    const trail = await auditRowsWhere(deps, { targetId: player.id, outcome: "SUCCESS" });
    expect(trail.map((r) => [r.action, r.reason])).toEqual([
      ["player.restriction.place", "affordability review"],
      ["player.restriction.place", "fraud check"],
      ["player.restriction.lift", "cleared"],
      ["player.restriction.lift", "review done"],
      ["player.restriction.place", "asked to"],
      ["player.reopen", "closed by mistake"],
    ]);
    const denied = await auditRowsWhere(deps, { targetId: closed.restrictionId, outcome: "DENIED" });
    expect(denied.map((r) => [r.action, r.errorCode])).toEqual([
      ["admin.player.restriction.lift", "INVALID_INPUT"],
      ["admin.player.restriction.reopen", "FORBIDDEN"],
      ["admin.player.restriction.lift", "INVALID_INPUT"],
    ]);
  });
});
