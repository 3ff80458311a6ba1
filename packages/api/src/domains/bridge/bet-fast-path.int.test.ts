import { describe, expect, it } from "vitest";
import type { BridgeProtocol } from "./bridge.types";
import type { BetParams, Driver } from "./conformance/drivers";
import { launchPlayer, type StudioFixture } from "./conformance/fixtures";
import { betOf as oneUnitBet, useStudioSuite } from "./conformance/studio-suite";
import { GAME_SESSION_TTL_MS } from "./launch-game";

/**
 * The common studio bet runs through bridge_bets_fast (migration 20261122000000_studio_bet_batches; one at a time
 * here, see bet-batches.int.test.ts for several together) and everything else through bridge_bet. What an auditor needs to know: both write the same records, and the one
 * statement writes nothing when it hands a bet over.
 */
const protocols: BridgeProtocol[] = ["HUB88", "PRAGMATIC", "PITBOSS"];

type Call = { name: string; result: unknown; writesAfter?: Record<string, string> };

describe.each(protocols)("the common bet in one statement: %s adapter", (protocol) => {
  let fixture: StudioFixture;
  let driver: Driver;

  useStudioSuite(protocol, (studio) => {
    ({ fixture, driver } = studio);
  });

  /** How many rows each table the bet writes holds, and the player's account versions: any write changes one. */
  const writes = async (playerId: string) => {
    const { rows } = await fixture.deps.db.pool.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM ledger_txn)::text AS ledger_txn, (SELECT count(*) FROM posting)::text AS posting,
              (SELECT count(*) FROM outbox_event)::text AS outbox_event,
              (SELECT count(*) FROM bridge_transaction)::text AS bridge_transaction,
              (SELECT count(*) FROM bridge_round)::text AS bridge_round, (SELECT count(*) FROM bridge_nonce)::text AS bridge_nonce,
              (SELECT coalesce(sum(version), 0) FROM account WHERE player_id = $1)::text AS account_versions`,
      [playerId],
    );
    return rows[0] as Record<string, string>;
  };

  /**
   * Sends `wire` and lists the database functions it called with what they returned. With `isFastPathOff`, the one
   * statement answers null without running (bridge_bet then decides the bet, as it does every uncommon one); with
   * `playerId`, the rows are counted right after the one statement answered null, before bridge_bet runs.
   */
  const sendObserved = async (
    wire: ReturnType<Driver["bet"]>,
    options: { isFastPathOff?: boolean; playerId?: string } = {},
  ) => {
    const pool = fixture.deps.db.pool as unknown as { query: (...args: unknown[]) => Promise<unknown> };
    const original = pool.query.bind(pool);
    const calls: Call[] = [];
    pool.query = async (config: unknown, ...rest: unknown[]) => {
      const name = (config as { name?: string } | null)?.name;
      if (name === "bridge_bets_fast" && options.isFastPathOff) {
        calls.push({ name, result: null });
        return { rows: [{ result: [null] }] };
      }
      const answer = (await original(config, ...rest)) as { rows?: { result?: unknown }[] };
      if (name) {
        // The common case answers an array, one answer per bet sent together: these tests send one at a time.
        const raw = answer.rows?.[0]?.result ?? null;
        const result = name === "bridge_bets_fast" ? ((raw as unknown[] | null)?.[0] ?? null) : raw;
        const call: Call = { name, result };
        if (name === "bridge_bets_fast" && result === null && options.playerId) {
          pool.query = original;
          call.writesAfter = await writes(options.playerId);
          pool.query = observed;
        }
        calls.push(call);
      }
      return answer;
    };
    const observed = pool.query;
    try {
      return { result: await driver.send(wire), calls };
    } finally {
      pool.query = original;
    }
  };

  /** A bet's records with everything that names this bet or its moment masked: what must not depend on the path. */
  const recordsOf = async (bet: BetParams) => {
    const { rows } = await fixture.deps.db.pool.query<{ records: unknown }>(
      `SELECT json_build_object(
         'transaction', to_jsonb(t) - 'id' - 'fingerprint' - 'response_body' - 'created_at' - 'updated_at',
         'answer', convert_from(t.response_body, 'UTF8'),
         'ledger', to_jsonb(l) - 'id' - 'request_hash' - 'created_at',
         'postings', (SELECT json_agg(json_build_object('type', a.type, 'owner', a.owner, 'amount', p.amount_minor,
                                                        'balanceAfter', p.balance_after, 'currency', p.currency) ORDER BY p.id)
                        FROM posting p JOIN account a ON a.id = p.account_id WHERE p.txn_id = l.id),
         'event', (SELECT to_jsonb(e) - 'id' - 'created_at' FROM outbox_event e
                    WHERE e.envelope->'payload'->>'txnId' = l.id),
         'eventStampedWithLedger', (SELECT e.created_at = l.created_at FROM outbox_event e
                                     WHERE e.envelope->'payload'->>'txnId' = l.id),
         'round', to_jsonb(r) - 'id' - 'opened_at' - 'closed_at') AS records
       FROM bridge_transaction t
       JOIN ledger_txn l ON l.id = t.ledger_txn_id
       JOIN bridge_round r ON r.provider = t.provider AND r.player_id = t.player_id
                          AND r.provider_round_id = t.provider_round_id
      WHERE t.provider = $1 AND t.player_id = $2 AND t.provider_txn_id = $3`,
      [fixture.provider, bet.playerId, bet.txnId],
    );
    const text = JSON.stringify(rows[0]?.records ?? null);
    const names = [...new Set(text.match(/\b[a-z]{3}_[0-9a-z]{26}\b/g) ?? [])];
    return JSON.parse(
      [bet.playerId, bet.txnId, bet.roundId, ...names]
        .reduce((masked, name, i) => masked.replaceAll(name, `<name ${i}>`), text)
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>")
        // A request's own id (Hub88's request_uuid), echoed in its answer.
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<request>"),
    );
  };

  // 2.50 a bet: what the cases below count balances in.
  const betOf = (player: Parameters<typeof oneUnitBet>[0], overrides: Partial<BetParams> = {}) =>
    oneUnitBet(player, { amountMinor: 250n, ...overrides });
  const namesOf = (calls: Call[]) => calls.map((call) => call.name);

  it("leaves a provider's first bet in a currency to bridge_bet, which opens the provider's house account", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const { result, calls } = await sendObserved(driver.bet(betOf(player)), { playerId: player.playerId });
    expect(namesOf(calls)).toEqual(["bridge_bets_fast", "bridge_bet"]);
    expect(driver.codeOf(result)).toBe(driver.codeFor("OK"));
    const { calls: next } = await sendObserved(driver.bet(betOf(player)));
    expect(namesOf(next)).toEqual(["bridge_bets_fast"]);
  });

  it("writes exactly the records bridge_bet writes for the same bet, and answers alike", async () => {
    const one = await launchPlayer(fixture, 10_000n);
    const other = await launchPlayer(fixture, 10_000n);
    const fastBet = betOf(one);
    const fast = await sendObserved(driver.bet(fastBet));
    expect(namesOf(fast.calls)).toEqual(["bridge_bets_fast"]);
    expect(fast.calls[0]?.result).not.toBeNull();
    const fullBet = betOf(other);
    const full = await sendObserved(driver.bet(fullBet), { isFastPathOff: true });
    expect(namesOf(full.calls)).toEqual(["bridge_bets_fast", "bridge_bet"]);

    expect(driver.codeOf(fast.result)).toBe(driver.codeFor("OK"));
    expect(fast.result.status).toBe(full.result.status);
    expect(driver.balanceOf(fast.result, "EUR")).toBe(9_750n);
    expect(driver.balanceOf(full.result, "EUR")).toBe(9_750n);
    const records = await recordsOf(fastBet);
    expect(records.postings).toHaveLength(2);
    expect(records).toEqual(await recordsOf(fullBet));
  });

  it("a closed round in the same bet is recorded closed, as bridge_bet records it", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const first = betOf(player);
    await sendObserved(driver.bet(first));
    // A second bet in the same round: the round row exists; the one statement must leave it as bridge_bet would.
    const second = betOf(player, { roundId: first.roundId });
    const { calls } = await sendObserved(driver.bet(second));
    expect(namesOf(calls)).toEqual(["bridge_bets_fast"]);
    const { rows } = await fixture.deps.db.pool.query<{ count: string; status: string }>(
      "SELECT count(*)::text AS count, min(status::text) AS status FROM bridge_round WHERE player_id = $1",
      [player.playerId],
    );
    expect(rows[0]).toEqual({ count: "1", status: "OPEN" });
  });

  it("hands every other bet to bridge_bet having written nothing, and bridge_bet answers it", async () => {
    const player = await launchPlayer(fixture, 1_000n);
    const placed = betOf(player);
    expect(driver.codeOf((await sendObserved(driver.bet(placed))).result)).toBe(driver.codeFor("OK"));
    type Case = [label: string, wire: ReturnType<Driver["bet"]>, expected: Parameters<Driver["codeFor"]>[0]];
    const cases: Case[] = [
      ["cash short of the stake", driver.bet(betOf(player, { amountMinor: 5_000n })), "NOT_ENOUGH_MONEY"],
      ["an unknown game", driver.bet(betOf(player, { gameCode: "no-such-game" })), "UNKNOWN_GAME"],
      ["the same transaction id with other data", driver.bet({ ...placed, amountMinor: 300n }), "DUPLICATE"],
    ];
    if (driver.canSendCurrency) {
      cases.push(["another currency", driver.bet(betOf(player, { currency: "USD" })), "WRONG_CURRENCY"]);
    }
    for (const [label, wire, expected] of cases) {
      const before = await writes(player.playerId);
      const { result, calls } = await sendObserved(wire, { playerId: player.playerId });
      expect(namesOf(calls).slice(0, 2), label).toEqual(["bridge_bets_fast", "bridge_bet"]);
      expect(calls[0]?.writesAfter, label).toEqual(before);
      expect(driver.codeOf(result), label).toBe(driver.codeFor(expected));
    }
    // An exact replay: bridge_bet answers with the stored bytes.
    const replayed = await sendObserved(driver.retry(driver.bet(placed)), { playerId: player.playerId });
    expect(namesOf(replayed.calls).slice(0, 2)).toEqual(["bridge_bets_fast", "bridge_bet"]);
    expect(driver.codeOf(replayed.result)).toBe(driver.codeFor("OK"));

    fixture.clock.advance(GAME_SESSION_TTL_MS + 1_000);
    const before = await writes(player.playerId);
    const expired = await sendObserved(driver.bet(betOf(player)), { playerId: player.playerId });
    expect(expired.calls[0]?.writesAfter).toEqual(before);
    expect(driver.codeOf(expired.result)).toBe(driver.codeFor("TOKEN_EXPIRED"));
    expect(driver.balanceOf(expired.result, "EUR") ?? 750n).toBe(750n);
  });
});
