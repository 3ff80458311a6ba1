import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { balanceOf, errorCodeOf, expectLedgerInvariants } from "../../testing/wallet";
import { debitStake } from "../wallet/debit-stake";
import { hub88Driver } from "./conformance/drivers";
import { launchPlayer, type StudioFixture, setupStudio, uniqueId } from "./conformance/fixtures";
import { listOpenRounds } from "./open-rounds";
import { listProviders, listStudioGames, registerProvider, registerStudioGame, setProviderEnabled } from "./providers";
import { reconcileProviderReport } from "./reconcile-report";
import { ledgerKeys, ledgerScopeOf } from "./record";

let fixture: StudioFixture;
let driver: ReturnType<typeof hub88Driver>;

beforeAll(async () => {
  fixture = await setupStudio("HUB88");
  driver = hub88Driver(fixture);
});
afterEach(async () => {
  fixture.clock.set(new Date());
  await expectLedgerInvariants(fixture.deps);
});
afterAll(() => fixture.deps.db.close());

const cashAndBonus = (playerId: string) =>
  Promise.all([balanceOf(fixture.deps, playerId, "CASH", "EUR"), balanceOf(fixture.deps, playerId, "BONUS", "EUR")]);
const status = (result: { body: Buffer }) => JSON.parse(result.body.toString()).status as string;
const playRound = async (player: { playerId: string; token: string }, stake: bigint, win: bigint | null) => {
  const bet = {
    playerId: player.playerId,
    token: player.token,
    txnId: uniqueId("b"),
    roundId: uniqueId("r"),
    amountMinor: stake,
    currency: "EUR",
  };
  expect(status(await driver.send(driver.bet(bet)))).toBe("RS_OK");
  const winId = uniqueId("w");
  if (win !== null) {
    expect(status(await driver.send(driver.win({ ...bet, txnId: winId, betTxnId: bet.txnId, amountMinor: win })))).toBe(
      "RS_OK",
    );
  }
  return { ...bet, winId };
};

describe("provider registry and catalogue", () => {
  it("registers providers and games with RTP, volatility, countries and limits; validates what it stores", async () => {
    const providers = await listProviders(fixture.deps);
    expect(providers.find((p) => p.code === fixture.provider)).toMatchObject({ protocol: "HUB88", isEnabled: true });
    const games = await listStudioGames(fixture.deps, fixture.provider);
    expect(games[0]).toMatchObject({ externalCode: "wheel_1", rtpBps: 9500, volatility: "MEDIUM", countries: [] });
    expect(games[0]?.limits.map((l) => l.currency).sort()).toEqual(["EUR", "USD"]);
    expect(
      await errorCodeOf(
        registerStudioGame(fixture.deps, {
          provider: "nobody",
          externalCode: "x",
          slug: "nobody-x",
          name: "X",
          category: "slots",
          rtpBps: 9000,
          volatility: "LOW",
          limits: [{ currency: "EUR", minStakeMinor: 1n, maxStakeMinor: 2n }],
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await registerProvider(fixture.deps, {
        code: "BAD CODE",
        name: "x",
        protocol: "HUB88",
        launchUrl: "https://x.test",
      }).catch((e: Error) => e.name),
    ).toBe("ZodError");
    expect(await errorCodeOf(setProviderEnabled(fixture.deps, { code: "nobody", isEnabled: true }))).toBe("NOT_FOUND");
    // Switching a provider off needs a reason.
    await expect(setProviderEnabled(fixture.deps, { code: fixture.provider, isEnabled: false })).rejects.toThrow();
  });
});

describe("open-rounds report", () => {
  it("lists rounds the studio never closed, with what was staked and won, and not the closed ones", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const open = await playRound(player, 300n, null);
    await playRound(player, 100n, 50n); // closed by the win (round_closed)
    fixture.clock.advance(15 * 60_000);
    const rounds = await listOpenRounds(fixture.deps, { provider: fixture.provider, olderThanMinutes: 10 });
    const mine = rounds.filter((round) => round.playerId === player.playerId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ providerRoundId: open.roundId, stakedMinor: 300n, wonMinor: 0n, transactions: 1 });
    expect(await listOpenRounds(fixture.deps, { provider: fixture.provider, olderThanMinutes: 60 })).not.toContainEqual(
      expect.objectContaining({ playerId: player.playerId }),
    );
  });
});

describe("reconciliation of a provider report", () => {
  it("matches rounds that agree and lists every mismatch, adjusting nothing", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const agreed = await playRound(player, 100n, 250n);
    const disputed = await playRound(player, 200n, 0n);
    const rolled = await playRound(player, 300n, null);
    await driver.send(
      driver.rollback({
        playerId: player.playerId,
        txnId: uniqueId("rb"),
        betTxnId: rolled.txnId,
        roundId: rolled.roundId,
        currency: "EUR",
      }),
    );
    const before = await cashAndBonus(player.playerId);
    const row = (r: { roundId: string }, id: string, type: string, amount: string, extra = "") =>
      `${id},${r.roundId},${player.playerId},${type},${amount},EUR${extra}`;
    const csv = [
      "transaction_id,round_id,player_id,type,amount,currency,status",
      row(agreed, agreed.txnId, "BET", "1.00", ",OK"),
      row(agreed, agreed.winId, "WIN", "2.50", ",OK"),
      row(disputed, disputed.txnId, "BET", "2.50", ",OK"), // they say 2.50, we took 2.00
      row(disputed, "their-extra-win", "WIN", "9.99", ",OK"), // a win we never saw
      row(rolled, rolled.txnId, "BET", "3.00", ",OK"), // we rolled it back
      `bad-line,${rolled.roundId},${player.playerId},BET,1.001,EUR,OK`,
    ].join("\r\n");
    const report = await reconcileProviderReport(fixture.deps, {
      provider: fixture.provider,
      format: "csv",
      report: csv,
    });
    expect(report.rounds).toBe(3);
    expect(report.matchedRounds).toBe(1);
    const kinds = report.mismatchedRounds.flatMap((round) =>
      round.mismatches.map((m) => `${m.transactionId}:${m.kind}`),
    );
    expect(kinds.sort()).toEqual(
      [
        `${disputed.txnId}:AMOUNT_DIFFERS`,
        "their-extra-win:MISSING_HERE",
        `${disputed.winId}:MISSING_THERE`,
        `${rolled.txnId}:STATUS_DIFFERS`,
      ].sort(),
    );
    expect(report.invalidRows).toEqual([{ line: 7, reason: 'amount "1.001" is not exact in EUR' }]);
    // Never adjusted: balances are exactly what they were.
    expect(await cashAndBonus(player.playerId)).toEqual(before);

    const json = JSON.stringify([
      {
        transaction_id: agreed.txnId,
        round_id: agreed.roundId,
        player_id: player.playerId,
        type: "BET",
        amount: "1.00",
        currency: "EUR",
      },
      {
        transaction_id: agreed.winId,
        round_id: agreed.roundId,
        player_id: player.playerId,
        type: "WIN",
        amount: "2.50",
        currency: "EUR",
      },
    ]);
    const clean = await reconcileProviderReport(fixture.deps, {
      provider: fixture.provider,
      format: "json",
      report: json,
    });
    expect([clean.rounds, clean.matchedRounds, clean.mismatchedRounds]).toEqual([1, 1, []]);
    expect(
      await errorCodeOf(
        reconcileProviderReport(fixture.deps, { provider: fixture.provider, format: "json", report: "{" }),
      ),
    ).toBe("INVALID_INPUT");
  });
});

describe("races", () => {
  it("a rollback racing its own bet: the money ends where the records say, every time", async () => {
    const player = await launchPlayer(fixture, 100_000n);
    const bets = Array.from({ length: 15 }, () => ({
      playerId: player.playerId,
      token: player.token,
      txnId: uniqueId("b"),
      roundId: uniqueId("r"),
      amountMinor: 1_000n,
      currency: "EUR",
    }));
    await Promise.all(
      bets.flatMap((bet) => [
        driver.send(driver.bet(bet)),
        driver.send(
          driver.rollback({
            playerId: bet.playerId,
            txnId: uniqueId("rb"),
            betTxnId: bet.txnId,
            roundId: bet.roundId,
            currency: "EUR",
          }),
        ),
      ]),
    );
    // Whoever won each race, every bet is rolled back or tombstoned, so the player has everything back.
    expect(await balanceOf(fixture.deps, player.playerId, "CASH", "EUR")).toBe(100_000n);
    const rows = await fixture.deps.db.prisma.bridgeTransaction.findMany({
      where: { provider: fixture.provider, playerId: player.playerId, kind: "BET" },
      select: { status: true },
    });
    expect(rows).toHaveLength(15);
    expect(rows.every((row) => row.status === "ROLLED_BACK" || row.status === "TOMBSTONE")).toBe(true);
  });

  it("a bet racing a different bet with the same id: exactly one is taken", async () => {
    const player = await launchPlayer(fixture, 100_000n);
    const bet = {
      playerId: player.playerId,
      token: player.token,
      txnId: uniqueId("b"),
      roundId: uniqueId("r"),
      currency: "EUR",
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => driver.send(driver.bet({ ...bet, amountMinor: BigInt(100 + i) }))),
    );
    const taken = results.filter((result) => status(result) === "RS_OK");
    expect(taken).toHaveLength(1);
    expect(results.filter((result) => status(result) === "RS_ERROR_DUPLICATE_TRANSACTION")).toHaveLength(9);
    const cash = await balanceOf(fixture.deps, player.playerId, "CASH", "EUR");
    expect(100_000n - cash).toBeGreaterThanOrEqual(100n);
    expect(100_000n - cash).toBeLessThanOrEqual(109n);
  });

  it("a bet whose money moved but whose record was lost (a crash in between) is returned by the studio's rollback", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const betId = uniqueId("b");
    // What a crash right after the ledger call leaves behind: the debit, no bridge record.
    await debitStake(fixture.deps, {
      playerId: player.playerId,
      currency: "EUR",
      amountMinor: 800n,
      houseScope: fixture.provider,
      idempotencyScope: ledgerScopeOf(fixture.provider, player.playerId),
      idempotencyKey: ledgerKeys.bet(betId),
    });
    expect(await balanceOf(fixture.deps, player.playerId, "CASH", "EUR")).toBe(9_200n);
    const warn = vi.spyOn(fixture.deps.logger, "warn");
    try {
      const rollback = await driver.send(
        driver.rollback({
          playerId: player.playerId,
          txnId: uniqueId("rb"),
          betTxnId: betId,
          roundId: "r",
          currency: "EUR",
        }),
      );
      expect(status(rollback)).toBe("RS_OK");
      // Worth a look: money moved that the bridge had no record of.
      expect(warn).toHaveBeenCalledWith(
        { txnId: expect.any(String), provider: fixture.provider },
        "bridge: rolled back a movement that was never recorded",
      );
    } finally {
      warn.mockRestore();
    }
    expect(await balanceOf(fixture.deps, player.playerId, "CASH", "EUR")).toBe(10_000n);
    // The bet, if it ever arrives, is tombstoned.
    const late = await driver.send(
      driver.bet({
        playerId: player.playerId,
        token: player.token,
        txnId: betId,
        roundId: "r",
        amountMinor: 800n,
        currency: "EUR",
      }),
    );
    expect(status(late)).toBe("RS_ERROR_TRANSACTION_ROLLED_BACK");
    expect(await balanceOf(fixture.deps, player.playerId, "CASH", "EUR")).toBe(10_000n);
  });
});
