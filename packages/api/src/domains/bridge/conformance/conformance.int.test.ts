import { currentRequestContext, runWithRequestContext } from "@pitboss/db";
import { createTestPlayer } from "@pitboss/db/testing";
import { describe, expect, it, vi } from "vitest";
import { createTestStaff } from "../../../testing/staff";
import { balanceOf } from "../../../testing/wallet";
import type { BridgeProtocol } from "../bridge.types";
import { GAME_SESSION_TTL_MS } from "../launch-game";
import { tokenBuckets } from "../rate-limit";
import type { Driver, Wire } from "./drivers";
import { launchPlayer, type StudioFixture, uniqueId } from "./fixtures";
import { betOf, useStudioSuite } from "./studio-suite";

/**
 * The open conformance kit: the edge cases every studio integration meets, run against every adapter with real
 * signed request bytes on real PostgreSQL. A case is written once against the Driver interface; each driver says how
 * its protocol expresses the request and which of its statuses is the expected answer.
 */
const protocols: BridgeProtocol[] = ["HUB88", "PRAGMATIC", "PITBOSS"];

describe.each(protocols)("conformance kit: %s adapter", (protocol) => {
  let fixture: StudioFixture;
  let driver: Driver;

  useStudioSuite(protocol, (studio) => {
    ({ fixture, driver } = studio);
  });

  const cashOf = async (playerId: string, currency = "EUR") =>
    await balanceOf(fixture.deps, playerId, "CASH", currency);
  const expectCode = (result: { body: Buffer }, expected: Parameters<Driver["codeFor"]>[0]) =>
    expect(driver.codeOf(result as never), result.body.toString()).toBe(driver.codeFor(expected));

  it("exact replay: the stored response byte for byte; the money moves once", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const request = driver.bet(betOf(player, { amountMinor: 250n }));
    const first = await driver.send(request);
    expectCode(first, "OK");
    expect(driver.balanceOf(first, "EUR")).toBe(9_750n);
    const again = await driver.send(driver.retry(request));
    expect(again.status).toBe(first.status);
    expect(again.body.equals(first.body)).toBe(true);
    expect(await cashOf(player.playerId)).toBe(9_750n);
  });

  it("same transaction id with other data: the protocol's duplicate error; the first one stands", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const bet = betOf(player, { amountMinor: 100n });
    expectCode(await driver.send(driver.bet(bet)), "OK");
    const other = await driver.send(driver.bet({ ...bet, amountMinor: 200n }));
    expectCode(other, "DUPLICATE");
    expect(await cashOf(player.playerId)).toBe(9_900n);
    // The original is still answered as it was.
    expectCode(await driver.send(driver.retry(driver.bet(bet))), "OK");
  });

  it("20 parallel copies of one bet: one debit, twenty identical answers", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const request = driver.bet(betOf(player, { amountMinor: 300n }));
    const results = await Promise.all(Array.from({ length: 20 }, () => driver.send(driver.retry(request))));
    for (const result of results) {
      expectCode(result, "OK");
      expect(result.body.equals(results[0]?.body as Buffer)).toBe(true);
    }
    expect(await cashOf(player.playerId)).toBe(9_700n);
  });

  it("rollback before the bet: accepted and tombstoned; the late bet moves no money", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const bet = betOf(player, { amountMinor: 400n });
    const rollback = await driver.send(
      driver.rollback({
        playerId: player.playerId,
        txnId: uniqueId("rb"),
        betTxnId: bet.txnId,
        roundId: bet.roundId,
        currency: "EUR",
      }),
    );
    expectCode(rollback, "OK");
    const late = await driver.send(driver.bet(bet));
    expectCode(late, "ROLLED_BACK");
    expect(await cashOf(player.playerId)).toBe(10_000n);
    // And it stays refused.
    expectCode(await driver.send(driver.retry(driver.bet(bet))), "ROLLED_BACK");
  });

  it("win after rollback: refused as rolled back; nothing is paid", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const bet = betOf(player, { amountMinor: 500n });
    expectCode(await driver.send(driver.bet(bet)), "OK");
    const rollback = await driver.send(
      driver.rollback({
        playerId: player.playerId,
        txnId: uniqueId("rb"),
        betTxnId: bet.txnId,
        roundId: bet.roundId,
        currency: "EUR",
      }),
    );
    expectCode(rollback, "OK");
    expect(driver.balanceOf(rollback, "EUR") ?? 10_000n).toBe(10_000n);
    const win = await driver.send(
      driver.win({
        playerId: player.playerId,
        txnId: uniqueId("win"),
        betTxnId: bet.txnId,
        roundId: bet.roundId,
        amountMinor: 900n,
        currency: "EUR",
      }),
    );
    expectCode(win, "ROLLED_BACK");
    expect(await cashOf(player.playerId)).toBe(10_000n);
  });

  it("duplicate win: paid once, answered the same", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const bet = betOf(player, { amountMinor: 100n });
    expectCode(await driver.send(driver.bet(bet)), "OK");
    const request = driver.win({ ...bet, txnId: uniqueId("win"), betTxnId: bet.txnId, amountMinor: 350n });
    const first = await driver.send(request);
    expectCode(first, "OK");
    const second = await driver.send(driver.retry(request));
    expect(second.body.equals(first.body)).toBe(true);
    expect(await cashOf(player.playerId)).toBe(10_250n);
  });

  it("a retry after the balance changed: the stored answer (Hub88, ours) or the current balance (Pragmatic)", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const request = driver.bet(betOf(player, { amountMinor: 250n }));
    const first = await driver.send(request);
    expectCode(first, "OK");
    expectCode(await driver.send(driver.bet(betOf(player, { amountMinor: 1_000n }))), "OK");
    const again = await driver.send(driver.retry(request));
    expectCode(again, "OK");
    if (driver.replaysCurrentBalance) {
      // The same transaction, answered with what the player has now; nothing else changes.
      expect(driver.balanceOf(again, "EUR")).toBe(8_750n);
      const { cash: _first, ...firstRest } = JSON.parse(first.body.toString());
      const { cash: _again, ...againRest } = JSON.parse(again.body.toString());
      expect(againRest).toEqual(firstRest);
    } else {
      expect(again.body.equals(first.body)).toBe(true);
      expect(driver.balanceOf(again, "EUR")).toBe(9_750n);
    }
    expect(await cashOf(player.playerId)).toBe(8_750n);
  });

  // Races: whatever the interleaving, money moves at most once per transaction and the outcome is an allowed one.
  const raceRounds = 20;

  it("a win racing a rollback of its bet (and the win's own retry): paid and rolled back, or refused", async () => {
    const player = await launchPlayer(fixture, 100_000n);
    let paid = 0n;
    for (let i = 0; i < raceRounds; i += 1) {
      const bet = betOf(player, { amountMinor: 100n + BigInt(i) });
      expectCode(await driver.send(driver.bet(bet)), "OK");
      const win = driver.win({ ...bet, txnId: uniqueId("win"), betTxnId: bet.txnId, amountMinor: 1_000n });
      const rollback = driver.rollback({
        playerId: player.playerId,
        txnId: uniqueId("rb"),
        betTxnId: bet.txnId,
        roundId: bet.roundId,
        currency: "EUR",
      });
      const [won, wonAgain, rolled] = await Promise.all([
        driver.send(win),
        driver.send(driver.retry(win)),
        driver.send(rollback),
      ]);
      expectCode(rolled, "OK");
      // A win after the rollback is refused for good; one before it stays paid (the rollback names only the bet).
      expect([driver.codeFor("OK"), driver.codeFor("ROLLED_BACK")]).toContain(driver.codeOf(won));
      expect(driver.codeOf(wonAgain)).toBe(driver.codeOf(won));
      if (!driver.replaysCurrentBalance) expect(wonAgain.body.equals(won.body)).toBe(true);
      if (driver.codeOf(won) === driver.codeFor("OK")) paid += 1_000n;
      expect(await cashOf(player.playerId)).toBe(100_000n + paid);
    }
    const bets = await fixture.deps.db.prisma.bridgeTransaction.findMany({
      where: { provider: fixture.provider, playerId: player.playerId, kind: "BET" },
      select: { status: true },
    });
    expect(bets.map((bet) => bet.status)).toEqual(Array(raceRounds).fill("ROLLED_BACK"));
  });

  it("a rollback racing the bet itself: the stake is taken and returned, or never taken", async () => {
    const player = await launchPlayer(fixture, 100_000n);
    for (let i = 0; i < raceRounds; i += 1) {
      const bet = betOf(player, { amountMinor: 500n });
      const [placed, rolled] = await Promise.all([
        driver.send(driver.bet(bet)),
        driver.send(
          driver.rollback({
            playerId: player.playerId,
            txnId: uniqueId("rb"),
            betTxnId: bet.txnId,
            roundId: bet.roundId,
            currency: "EUR",
          }),
        ),
      ]);
      expectCode(rolled, "OK");
      expect([driver.codeFor("OK"), driver.codeFor("ROLLED_BACK")]).toContain(driver.codeOf(placed));
      expect(await cashOf(player.playerId)).toBe(100_000n);
      // Whoever came first, a late copy of the bet gets the same answer and moves nothing.
      expect(driver.codeOf(await driver.send(driver.retry(driver.bet(bet))))).toBe(driver.codeOf(placed));
      expect(await cashOf(player.playerId)).toBe(100_000n);
    }
    expect(await cashOf(player.playerId)).toBe(100_000n);
  });

  it("duplicate wins racing each other: paid once, every copy answered alike", async () => {
    const player = await launchPlayer(fixture, 100_000n);
    for (let i = 0; i < raceRounds; i += 1) {
      const bet = betOf(player, { amountMinor: 100n });
      expectCode(await driver.send(driver.bet(bet)), "OK");
      const win = driver.win({ ...bet, txnId: uniqueId("win"), betTxnId: bet.txnId, amountMinor: 300n });
      const answers = await Promise.all(Array.from({ length: 4 }, () => driver.send(driver.retry(win))));
      for (const answer of answers) {
        expectCode(answer, "OK");
        expect(answer.body.equals(answers[0]?.body as Buffer)).toBe(true);
      }
      expect(await cashOf(player.playerId)).toBe(100_000n + 200n * BigInt(i + 1));
    }
  });

  it("token expired: new bets refused; wins and rollbacks still accepted", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const won = betOf(player, { amountMinor: 100n });
    const rolled = betOf(player, { amountMinor: 200n });
    expectCode(await driver.send(driver.bet(won)), "OK");
    expectCode(await driver.send(driver.bet(rolled)), "OK");
    fixture.clock.advance(GAME_SESSION_TTL_MS + 60_000);
    expectCode(await driver.send(driver.bet(betOf(player))), "TOKEN_EXPIRED");
    expectCode(
      await driver.send(driver.win({ ...won, txnId: uniqueId("win"), betTxnId: won.txnId, amountMinor: 1_000n })),
      "OK",
    );
    expectCode(
      await driver.send(
        driver.rollback({
          playerId: player.playerId,
          txnId: uniqueId("rb"),
          betTxnId: rolled.txnId,
          roundId: rolled.roundId,
          currency: "EUR",
        }),
      ),
      "OK",
    );
    expect(await cashOf(player.playerId)).toBe(10_000n - 100n + 1_000n);
  });

  it("wrong currency: refused, nothing moved (Pragmatic bets carry no currency: the wallet's is used)", async () => {
    const player = await launchPlayer(fixture, 10_000n, "EUR");
    if (driver.canSendCurrency) {
      const result = await driver.send(driver.bet(betOf(player, { currency: "USD" })));
      expectCode(result, "WRONG_CURRENCY");
      expect(await cashOf(player.playerId)).toBe(10_000n);
    } else {
      // Pragmatic: a USD player's bet is taken in USD, from the USD wallet, whatever the studio thinks.
      const dollars = await launchPlayer(fixture, 10_000n, "USD");
      expectCode(await driver.send(driver.bet(betOf(dollars, { amountMinor: 150n }))), "OK");
      expect(await cashOf(dollars.playerId, "USD")).toBe(9_850n);
    }
  });

  it("bad signature: refused, nothing moved or recorded; the genuine request then succeeds", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const request = driver.bet(betOf(player, { amountMinor: 100n }));
    expectCode(await driver.send(driver.forge(request)), "INVALID_SIGNATURE");
    expect(await cashOf(player.playerId)).toBe(10_000n);
    expectCode(await driver.send(driver.retry(request)), "OK");
    expect(await cashOf(player.playerId)).toBe(9_900n);
  });

  it("insufficient funds: refused with the current balance; a replay gets the same refusal", async () => {
    const player = await launchPlayer(fixture, 1_000n);
    const request = driver.bet(betOf(player, { amountMinor: 5_000n }));
    const refused = await driver.send(request);
    expectCode(refused, "NOT_ENOUGH_MONEY");
    expect(driver.balanceOf(refused, "EUR")).toBe(1_000n);
    expect((await driver.send(driver.retry(request))).body.equals(refused.body)).toBe(true);
    expect(await cashOf(player.playerId)).toBe(1_000n);
  });

  // Pragmatic refunds bets only; Hub88 and ours roll a win back by naming it.
  if (protocol !== "PRAGMATIC") {
    it("a win rolled back after it was spent: refused with the balance for now, taken once the money is back", async () => {
      const player = await launchPlayer(fixture, 1_000n);
      const bet = betOf(player, { amountMinor: 100n });
      expectCode(await driver.send(driver.bet(bet)), "OK");
      const win = { ...bet, txnId: uniqueId("win"), betTxnId: bet.txnId, amountMinor: 5_000n };
      expectCode(await driver.send(driver.win(win)), "OK");
      const spend = betOf(player, { amountMinor: 5_800n });
      expectCode(await driver.send(driver.bet(spend)), "OK");
      expect(await cashOf(player.playerId)).toBe(100n);

      const rollback = driver.rollback({
        playerId: player.playerId,
        txnId: uniqueId("rb"),
        betTxnId: win.txnId,
        roundId: bet.roundId,
        currency: "EUR",
      });
      const refused = await driver.send(rollback);
      expectCode(refused, "NOT_ENOUGH_MONEY");
      expect(driver.balanceOf(refused, "EUR")).toBe(100n);
      if (protocol === "PITBOSS") expect(JSON.parse(refused.body.toString()).error.retryable).toBe(true);
      expect(await cashOf(player.playerId)).toBe(100n);

      // Not a final answer: once the player has the money again, the studio's retry takes the win back, once.
      const payday = { ...spend, txnId: uniqueId("win"), betTxnId: spend.txnId, amountMinor: 10_000n };
      expectCode(await driver.send(driver.win(payday)), "OK");
      const taken = await driver.send(driver.retry(rollback));
      expectCode(taken, "OK");
      expect(await cashOf(player.playerId)).toBe(5_100n);
      expectCode(await driver.send(driver.retry(rollback)), "OK");
      expect(await cashOf(player.playerId)).toBe(5_100n);
    });
  }

  it("unknown game: refused, nothing moved", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    expectCode(await driver.send(driver.bet(betOf(player, { gameCode: "no-such-game" }))), "UNKNOWN_GAME");
    expect(await cashOf(player.playerId)).toBe(10_000n);
  });

  it("blocked player: new bets refused at wager time; wins and rollbacks still accepted", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const won = betOf(player, { amountMinor: 100n });
    const rolled = betOf(player, { amountMinor: 200n });
    expectCode(await driver.send(driver.bet(won)), "OK");
    expectCode(await driver.send(driver.bet(rolled)), "OK");
    await fixture.deps.db.prisma.player.update({ where: { id: player.playerId }, data: { status: "SUSPENDED" } });
    expectCode(await driver.send(driver.bet(betOf(player))), "USER_DISABLED");
    expectCode(
      await driver.send(driver.win({ ...won, txnId: uniqueId("win"), betTxnId: won.txnId, amountMinor: 700n })),
      "OK",
    );
    expectCode(
      await driver.send(
        driver.rollback({
          playerId: player.playerId,
          txnId: uniqueId("rb"),
          betTxnId: rolled.txnId,
          roundId: rolled.roundId,
          currency: "EUR",
        }),
      ),
      "OK",
    );
    expect(await cashOf(player.playerId)).toBe(10_000n - 100n + 700n);
  });

  it("restricted player (staff BLOCK_BETTING): new bets refused at wager time", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const staff = await createTestStaff(fixture.deps, ["RISK"]);
    await fixture.deps.db.prisma.playerRestriction.create({
      data: {
        id: uniqueId("rst"),
        playerId: player.playerId,
        type: "BLOCK_BETTING",
        reason: "test",
        createdBy: staff.id,
      },
    });
    expectCode(await driver.send(driver.bet(betOf(player))), "USER_DISABLED");
    expect(await cashOf(player.playerId)).toBe(10_000n);
  });

  it("bad input (signed, but malformed): the protocol's error, nothing moved, nothing recorded", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const bet = betOf(player);
    expectCode(await driver.send(driver.malformedBet(bet)), "BAD_INPUT");
    expect(await cashOf(player.playerId)).toBe(10_000n);
    expectCode(await driver.send(driver.bet(bet)), "OK");
  });

  it("over the provider's rate limit: the protocol's transient error, logged with the request id, nothing stored", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const logged: { reason?: string; requestId?: string }[] = [];
    const warn = vi.spyOn(fixture.deps.logger, "warn").mockImplementation((fields: unknown) => {
      logged.push({ reason: (fields as { reason?: string }).reason, requestId: currentRequestContext()?.requestId });
    });
    const limiter = fixture.deps.rateLimiter;
    fixture.deps.rateLimiter = tokenBuckets(fixture.clock, (provider) =>
      provider === fixture.provider ? { perSecond: 1, burst: 2 } : null,
    );
    try {
      const send = (wire: Wire, requestId: string) => runWithRequestContext({ requestId }, () => driver.send(wire));
      expectCode(await send(driver.bet(betOf(player)), "req-1"), "OK");
      expectCode(await send(driver.bet(betOf(player)), "req-2"), "OK");
      const request = driver.bet(betOf(player, { amountMinor: 300n }));
      const limited = await send(request, "req-3");
      expectCode(limited, "RATE_LIMITED");
      if (fixture.protocol === "PITBOSS") {
        expect(limited.status).toBe(429);
        expect(limited.headers["retry-after"]).toBe("1");
      }
      expect(logged).toContainEqual({ reason: "rate limit", requestId: "req-3" });
      expect(await cashOf(player.playerId)).toBe(9_800n);
      // Never stored: once the bucket refills, the retry is taken, once.
      fixture.clock.advance(1_000);
      expectCode(await send(driver.retry(request), "req-4"), "OK");
      expect(await cashOf(player.playerId)).toBe(9_500n);
    } finally {
      fixture.deps.rateLimiter = limiter;
      warn.mockRestore();
    }
  });

  it("a token of another player is refused; a player we do not know is refused", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const other = await launchPlayer(fixture, 10_000n);
    const stolen = await driver.send(driver.bet(betOf(player, { token: other.token })));
    expect(driver.codeOf(stolen)).not.toBe(driver.codeFor("OK"));
    const ghost = await createTestPlayer(fixture.deps.db);
    const unknown = await driver.send(
      driver.bet(betOf({ playerId: `${ghost.id}x`, token: player.token, currency: "EUR" })),
    );
    expect(driver.codeOf(unknown)).not.toBe(driver.codeFor("OK"));
    expect(await cashOf(player.playerId)).toBe(10_000n);
    expect(await cashOf(other.playerId)).toBe(10_000n);
  });
});
