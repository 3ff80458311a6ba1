import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller } from "../../testing/context";
import { auditRowsWhere, domainCodeOf, signInTestStaff } from "../../testing/staff";
import { balanceOf, expectLedgerInvariants } from "../../testing/wallet";
import { driverFor } from "./conformance/drivers";
import { launchPlayer, type StudioFixture, setupStudio, uniqueId } from "./conformance/fixtures";

/** admin.studios.*: what staff see and switch, through the tRPC router with real staff sessions. */
let fixture: StudioFixture;

beforeAll(async () => {
  fixture = await setupStudio("HUB88");
});
afterEach(() => expectLedgerInvariants(fixture.deps));
afterAll(() => fixture.deps.db.close());

const staffCaller = async (role: "ADMIN" | "RISK" | "AUDITOR" | "FINANCE") => {
  const { staff } = await signInTestStaff(fixture.deps, [role]);
  return { staff, caller: createTestCaller(fixture.deps, { app: "admin", staff }) };
};

describe("admin.studios", () => {
  it("the kill switch: an admin switches a provider off (audited, with the reason), bets are refused, then on", async () => {
    const { staff, caller } = await staffCaller("ADMIN");
    const driver = driverFor(fixture);
    const player = await launchPlayer(fixture, 10_000n);
    const bet = () =>
      driver.send(
        driver.bet({
          playerId: player.playerId,
          token: player.token,
          txnId: uniqueId("bet"),
          roundId: uniqueId("round"),
          amountMinor: 100n,
          currency: "EUR",
        }),
      );

    expect(
      await domainCodeOf(
        caller.admin.studios.provider.setEnabled({ code: fixture.provider, isEnabled: false, reason: "" }),
      ),
    ).toBe("INVALID_INPUT");
    await caller.admin.studios.provider.setEnabled({ code: fixture.provider, isEnabled: false, reason: "incident 42" });
    const listed = (await caller.admin.studios.provider.list()).find((p) => p.code === fixture.provider);
    expect(listed).toMatchObject({ isEnabled: false, disabledReason: "incident 42", games: 1 });
    expect(driver.codeOf(await bet())).toBe(driver.codeFor("UNKNOWN_GAME"));

    // Switching to the state it is in writes nothing more.
    await caller.admin.studios.provider.setEnabled({ code: fixture.provider, isEnabled: false, reason: "again" });
    await caller.admin.studios.provider.setEnabled({
      code: fixture.provider,
      isEnabled: true,
      reason: "incident over",
    });
    expect(driver.codeOf(await bet())).toBe(driver.codeFor("OK"));
    expect(await balanceOf(fixture.deps, player.playerId, "CASH", "EUR")).toBe(9_900n);

    const audit = await auditRowsWhere(fixture.deps, { actorId: staff.id, targetId: fixture.provider });
    expect(audit.map((row) => [row.action, row.outcome, row.reason])).toEqual([
      ["studio.provider.disable", "SUCCESS", "incident 42"],
      ["studio.provider.enable", "SUCCESS", "incident over"],
    ]);
    expect(audit[0]?.before).toEqual({ isEnabled: true, disabledReason: null });
  });

  it("the catalogue per provider with RTP, volatility, limits and countries; a game switched off and on, audited", async () => {
    const { staff, caller } = await staffCaller("ADMIN");
    const { provider, games } = await caller.admin.studios.game.list({ provider: fixture.provider });
    expect(provider).toMatchObject({ code: fixture.provider, protocol: "HUB88", isEnabled: true });
    expect(games).toEqual([
      expect.objectContaining({
        slug: fixture.slug,
        externalCode: fixture.gameCode,
        rtpBps: 9500,
        volatility: "MEDIUM",
        countries: [],
        isEnabled: true,
      }),
    ]);
    expect(games[0]?.limits.find((limit) => limit.currency === "EUR")).toEqual({
      currency: "EUR",
      minStakeMinor: 10n,
      maxStakeMinor: 500_000n,
      exponent: 2,
    });
    await caller.admin.studios.game.setEnabled({ slug: fixture.slug, isEnabled: false, reason: "math review" });
    expect((await caller.admin.studios.game.list({ provider: fixture.provider })).games[0]?.isEnabled).toBe(false);
    await caller.admin.studios.game.setEnabled({ slug: fixture.slug, isEnabled: true, reason: "reviewed" });
    const game = await fixture.deps.db.prisma.game.findUniqueOrThrow({ where: { slug: fixture.slug } });
    expect((await auditRowsWhere(fixture.deps, { actorId: staff.id, targetId: game.id })).map((r) => r.action)).toEqual(
      ["studio.game.disable", "studio.game.enable"],
    );
    expect(await domainCodeOf(caller.admin.studios.game.list({ provider: "no-such-studio" }))).toBe("NOT_FOUND");
    expect(
      await domainCodeOf(
        caller.admin.studios.game.setEnabled({ slug: "dice", isEnabled: false, reason: "not a studio game" }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("readers see providers, open rounds and reconcile reports, but cannot switch anything", async () => {
    const { caller } = await staffCaller("RISK");
    expect(
      await domainCodeOf(
        caller.admin.studios.provider.setEnabled({ code: fixture.provider, isEnabled: false, reason: "not allowed" }),
      ),
    ).toBe("FORBIDDEN");
    const driver = driverFor(fixture);
    const player = await launchPlayer(fixture, 10_000n);
    const roundId = uniqueId("round");
    const betId = uniqueId("bet");
    const placed = await driver.send(
      driver.bet({
        playerId: player.playerId,
        token: player.token,
        txnId: betId,
        roundId,
        amountMinor: 250n,
        currency: "EUR",
      }),
    );
    expect(driver.codeOf(placed)).toBe("RS_OK");
    const rounds = await caller.admin.studios.openRounds({ provider: fixture.provider, olderThanMinutes: 0 });
    expect(rounds.find((round) => round.providerRoundId === roundId)).toMatchObject({
      playerId: player.playerId,
      gameName: "Test Wheel",
      currency: "EUR",
      exponent: 2,
      stakedMinor: 250n,
      wonMinor: 0n,
      transactions: 1,
    });
    const report = `transaction_id,round_id,player_id,type,amount,currency\n${betId},${roundId},${player.playerId},BET,3.00,EUR\n`;
    const result = await caller.admin.studios.reconcile({ provider: fixture.provider, format: "csv", report });
    expect(result.mismatchedRounds[0]?.mismatches.map((m) => m.kind)).toEqual(["AMOUNT_DIFFERS"]);
    expect(result.exponents.EUR).toBe(2);
    // Nothing was adjusted.
    expect(await balanceOf(fixture.deps, player.playerId, "CASH", "EUR")).toBe(9_750n);
  });
});
