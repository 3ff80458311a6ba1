import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { creditDeposit } from "../wallet/payment-movements";
import type { Driver, Wire } from "./conformance/drivers";
import { launchPlayer, type StudioFixture } from "./conformance/fixtures";
import { betOf, useStudioSuite } from "./conformance/studio-suite";
import { signPitbossRequest } from "./pitboss/pitboss-signature";

/**
 * Common studio bets that arrive together are recorded together: one bridge_bets_fast statement for many players'
 * bets (migration 20261122000000_studio_bet_batches, bet-batches.ts). What a player, the studio and an auditor need
 * from that: each bet's answer and records are its own, a bet that is not the common case does not hold the others
 * back, and a statement that fails loses no bet.
 */
type Batch = { items: number; error?: string };

describe("studio bets sent together (our protocol)", () => {
  let fixture: StudioFixture;
  let driver: Driver;

  useStudioSuite("PITBOSS", (studio) => {
    ({ fixture, driver } = studio);
  });

  /**
   * Sends `wires` at once and lists the common-case statements they made (how many bets each carried, whether it
   * failed). The first `heldBatches` statements wait `holdMs` before going, so the bets behind them gather into one.
   * (Fewer than 16 bets never go beside a statement that is out: bridge.repo.ts.)
   */
  const sendTogether = async (wires: Wire[], { heldBatches = 0, holdMs = 150 } = {}) => {
    const pool = fixture.deps.db.pool as unknown as { query: (...args: unknown[]) => Promise<unknown> };
    const original = pool.query.bind(pool);
    const batches: Batch[] = [];
    pool.query = async (config: unknown, ...rest: unknown[]) => {
      const { name, values } = (config ?? {}) as { name?: string; values?: unknown[] };
      if (name !== "bridge_bets_fast") return original(config, ...rest);
      const batch: Batch = { items: (JSON.parse(String(values?.[0])) as unknown[]).length };
      batches.push(batch);
      if (batches.length <= heldBatches) await new Promise((resolve) => setTimeout(resolve, holdMs));
      try {
        return await original(config, ...rest);
      } catch (error) {
        batch.error = (error as { code?: string }).code ?? String(error);
        throw error;
      }
    };
    try {
      return { results: await Promise.all(wires.map((wire) => driver.send(wire))), batches };
    } finally {
      pool.query = original;
    }
  };

  const cashOf = async (playerId: string) => {
    const { rows } = await fixture.deps.db.pool.query<{ cash: string }>(
      "SELECT balance_minor::text AS cash FROM account WHERE player_id = $1 AND type = 'CASH'",
      [playerId],
    );
    return BigInt(rows[0]?.cash ?? "-1");
  };

  /** The bridge transactions, ledger transactions and postings recorded for a player's studio transaction id. */
  const recordsOf = async (playerId: string, txnId: string) => {
    const { rows } = await fixture.deps.db.pool.query<{ bridge: number; ledger: number; postings: number }>(
      `SELECT count(DISTINCT t.id)::int AS bridge, count(DISTINCT l.id)::int AS ledger, count(p.id)::int AS postings
         FROM bridge_transaction t
         LEFT JOIN ledger_txn l ON l.id = t.ledger_txn_id
         LEFT JOIN posting p ON p.txn_id = l.id
        WHERE t.player_id = $1 AND t.provider_txn_id = $2`,
      [playerId, txnId],
    );
    return rows[0];
  };

  const warmUp = async () => {
    // The provider's first bet in a currency opens its house account (through bridge_bet).
    const player = await launchPlayer(fixture, 1_000n);
    expect(driver.codeOf(await driver.send(driver.bet(betOf(player))))).toBe("OK");
  };

  it("records many players' bets in one statement, each with its own answer, debit and records", async () => {
    await warmUp();
    const players = await Promise.all(Array.from({ length: 12 }, () => launchPlayer(fixture, 10_000n)));
    const bets = players.map((player, i) => betOf(player, { amountMinor: BigInt(100 * (i + 1)) }));
    const { results, batches } = await sendTogether(
      bets.map((bet) => driver.bet(bet)),
      { heldBatches: 1 },
    );

    // The first went alone; the eleven behind it, too few to go beside it, went together once it finished.
    expect(batches.map((batch) => batch.items)).toEqual([1, 11]);
    for (const [i, player] of players.entries()) {
      const stake = BigInt(100 * (i + 1));
      expect(driver.codeOf(results[i] as (typeof results)[number])).toBe("OK");
      expect(driver.balanceOf(results[i] as (typeof results)[number], "EUR")).toBe(10_000n - stake);
      expect(await cashOf(player.playerId)).toBe(10_000n - stake);
      expect(await recordsOf(player.playerId, bets[i]?.txnId as string)).toEqual({ bridge: 1, ledger: 1, postings: 2 });
    }
  });

  it("answers the bets in a statement that are not the common case on their own, and records the others", async () => {
    await warmUp();
    const [rich, poor, wrongGame, other] = await Promise.all([
      launchPlayer(fixture, 10_000n),
      launchPlayer(fixture, 50n),
      launchPlayer(fixture, 10_000n),
      launchPlayer(fixture, 10_000n),
    ]);
    const filler = await launchPlayer(fixture, 1_000n);
    const wires = [
      driver.bet(betOf(filler)),
      driver.bet(betOf(rich, { amountMinor: 500n })),
      driver.bet(betOf(poor, { amountMinor: 500n })),
      driver.bet(betOf(wrongGame, { gameCode: "no-such-game" })),
      driver.bet(betOf(other, { amountMinor: 700n })),
    ];
    const { results, batches } = await sendTogether(wires, { heldBatches: 1 });

    expect(batches.map((batch) => batch.items)).toEqual([1, 4]);
    expect(results.map((result) => driver.codeOf(result))).toEqual([
      "OK",
      "OK",
      driver.codeFor("NOT_ENOUGH_MONEY"),
      driver.codeFor("UNKNOWN_GAME"),
      "OK",
    ]);
    expect(driver.balanceOf(results[2] as (typeof results)[number], "EUR")).toBe(50n);
    expect([await cashOf(rich.playerId), await cashOf(poor.playerId), await cashOf(wrongGame.playerId)]).toEqual([
      9_500n,
      50n,
      10_000n,
    ]);
    expect(await cashOf(other.playerId)).toBe(9_300n);
  });

  it("takes one player's bets sent together one after the other: the second sees the first's debit", async () => {
    await warmUp();
    const player = await launchPlayer(fixture, 300n);
    const [first, second] = [betOf(player, { amountMinor: 250n }), betOf(player, { amountMinor: 250n })];
    const { results, batches } = await sendTogether([driver.bet(first), driver.bet(second)]);

    expect(batches.every((batch) => batch.items === 1)).toBe(true);
    expect(results.map((result) => driver.codeOf(result)).sort()).toEqual(
      ["OK", driver.codeFor("NOT_ENOUGH_MONEY")].sort(),
    );
    expect(await cashOf(player.playerId)).toBe(50n);
  });

  it("answers a retried refusal in a statement from its record; the statement fails and its other bets still go", async () => {
    await warmUp();
    const [refused, other] = await Promise.all([launchPlayer(fixture, 50n), launchPlayer(fixture, 1_000n)]);
    const filler = await launchPlayer(fixture, 1_000n);
    const tooMuch = betOf(refused, { amountMinor: 500n });
    const first = await driver.send(driver.bet(tooMuch));
    expect(driver.codeOf(first)).toBe(driver.codeFor("NOT_ENOUGH_MONEY"));
    // The player deposits: the retried stake is covered now, and the stored refusal must still be its answer.
    await creditDeposit(fixture.deps, {
      playerId: refused.playerId,
      currency: "EUR",
      amountMinor: 1_000n,
      provider: "test",
      paymentId: fixture.deps.newId("payment"),
      idempotencyKey: randomUUID(),
    });

    const { results, batches } = await sendTogether(
      [driver.bet(betOf(filler)), driver.retry(driver.bet(tooMuch)), driver.bet(betOf(other))],
      { heldBatches: 1 },
    );
    // The refusal moved no money, so only the transaction's own key knows it: the statement fails on that key, and
    // each bet is decided on its own.
    expect(batches.find((batch) => batch.items === 2)?.error).toBe("23505");
    expect(results.map((result) => driver.codeOf(result))).toEqual(["OK", driver.codeFor("NOT_ENOUGH_MONEY"), "OK"]);
    expect(results[1]?.body.equals(first.body)).toBe(true);
    expect([await cashOf(refused.playerId), await cashOf(other.playerId)]).toEqual([1_050n, 900n]);
  });

  it("loses no bet when a whole statement fails: a nonce sent twice fails it, and each bet is decided alone", async () => {
    await warmUp();
    const [one, other] = await Promise.all([launchPlayer(fixture, 1_000n), launchPlayer(fixture, 1_000n)]);
    const filler = await launchPlayer(fixture, 1_000n);
    const first = driver.bet(betOf(one));
    // Another player's bet under the same request id (nonce): one of the two is a replayed request.
    const { requestId: _own, ...payload } = JSON.parse(driver.bet(betOf(other)).body.toString("utf8"));
    const body = JSON.stringify({ requestId: JSON.parse(first.body.toString("utf8")).requestId, ...payload });
    const second: Wire = {
      path: first.path,
      body: Buffer.from(body),
      headers: signPitbossRequest(fixture.secret, body, fixture.clock()),
    };
    const { results, batches } = await sendTogether([driver.bet(betOf(filler)), first, second], { heldBatches: 1 });

    expect(batches.find((batch) => batch.items === 2)?.error).toBe("23505");
    const codes = results.slice(1).map((result) => driver.codeOf(result));
    expect(codes.sort()).toEqual(["OK", "REPLAYED_REQUEST"]);
    const debited = [await cashOf(one.playerId), await cashOf(other.playerId)].filter((cash) => cash === 900n);
    expect(debited).toHaveLength(1);
    expect(driver.codeOf(results[0] as (typeof results)[number])).toBe("OK");
  });
});
