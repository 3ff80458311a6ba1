import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../../deps";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { cashOf, domainCodeOf, ensureInHouseGames, ledgerOfRound, newKey } from "../../testing/rounds";
import { createFundedPlayer, expectLedgerInvariants } from "../../testing/wallet";
import { verifyRound } from "../games/games";
import { openRound } from "./open-round";
import { placeBet } from "./place-bet";
import { settleStaleRounds } from "./settle-stale-rounds";

const deps = createTestDeps();
beforeAll(() => ensureInHouseGames(deps));
afterEach(() => expectLedgerInvariants(deps));
afterAll(() => deps.db.close());

describe("multi-step rounds (open → bets → settle)", () => {
  it("opens a mines round with its nonce fixed, takes two bets, settles once with the picks", async () => {
    const player = await createFundedPlayer(deps, 10_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const openKey = newKey();
    const opened = await caller.round.open({ game: "mines", currency: "EUR", idempotencyKey: openKey });
    expect(opened).toMatchObject({ status: "OPEN", stakeMinor: 0n, fairness: { nonce: 0, serverSeed: null } });
    expect((await caller.round.open({ game: "mines", currency: "EUR", idempotencyKey: openKey })).id).toBe(opened.id);

    const betKey = newKey();
    await caller.round.placeBet({ roundId: opened.id, stakeMinor: 300n, idempotencyKey: betKey });
    await caller.round.placeBet({ roundId: opened.id, stakeMinor: 300n, idempotencyKey: betKey }); // a retry
    const staked = await caller.round.placeBet({ roundId: opened.id, stakeMinor: 200n, idempotencyKey: newKey() });
    expect(staked).toMatchObject({ status: "OPEN", stakeMinor: 500n });
    expect(staked.bets).toHaveLength(2);
    expect(await cashOf(deps, player.id)).toBe(9_500n);
    // The board is committed but hidden: no rotation (which would reveal it) until the round is decided.
    expect(await domainCodeOf(caller.fairness.rotate({}))).toBe("CONFLICT");

    const params = { mines: 2, picks: [3, 9, 17] };
    const settled = await caller.round.settle({ roundId: opened.id, params });
    expect(settled.status).toBe("SETTLED");
    const again = await caller.round.settle({ roundId: opened.id, params: { mines: 5, picks: [1] } });
    expect(again).toEqual(settled);
    expect(await cashOf(deps, player.id)).toBe(9_500n + (settled.payoutMinor ?? 0n));
    expect(
      await domainCodeOf(caller.round.placeBet({ roundId: opened.id, stakeMinor: 100n, idempotencyKey: newKey() })),
    ).toBe("CONFLICT");

    const { revealed } = await caller.fairness.rotate({});
    const verified = verifyRound({
      game: "mines",
      serverSeed: revealed.serverSeed,
      clientSeed: revealed.clientSeed,
      nonce: 0,
      params,
    });
    expect(verified.outcome).toEqual(settled.outcome);
    const kinds = (await ledgerOfRound(deps, opened.id)).map((t) => t.kind);
    expect(kinds).toEqual((settled.payoutMinor ?? 0n) > 0n ? ["BET", "BET", "WIN"] : ["BET", "BET"]);
  });

  it("refuses to settle without a stake, and keeps other players out", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const other = await createFundedPlayer(deps, 1_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const opened = await caller.round.open({ game: "mines", currency: "EUR", idempotencyKey: newKey() });
    expect(await domainCodeOf(caller.round.settle({ roundId: opened.id, params: { mines: 1, picks: [0] } }))).toBe(
      "CONFLICT",
    );
    const intruder = createTestCaller(deps, { playerId: other.id });
    expect(
      await domainCodeOf(intruder.round.placeBet({ roundId: opened.id, stakeMinor: 100n, idempotencyKey: newKey() })),
    ).toBe("NOT_FOUND");
    expect(await domainCodeOf(intruder.round.settle({ roundId: opened.id, params: { mines: 1, picks: [0] } }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await domainCodeOf(caller.round.placeBet({ roundId: opened.id, stakeMinor: 5_000n, idempotencyKey: newKey() })),
    ).toBe("INSUFFICIENT_FUNDS");
    expect((await caller.round.get({ roundId: opened.id })).bets).toEqual([]);
  });

  it("voids an abandoned multi-step round at its timeout and refunds every bet once", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const twoHoursAgo: ServiceDeps = { ...deps, now: () => new Date(Date.now() - 7_200_000) };
    const opened = await openRound(twoHoursAgo, {
      playerId: player.id,
      game: "mines",
      currency: "EUR",
      idempotencyKey: newKey(),
    });
    for (const stakeMinor of [100n, 250n]) {
      await placeBet(twoHoursAgo, { playerId: player.id, roundId: opened.id, stakeMinor, idempotencyKey: newKey() });
    }
    expect(await cashOf(deps, player.id)).toBe(650n);
    await settleStaleRounds(deps, { playerId: player.id });
    await settleStaleRounds(deps, { playerId: player.id });
    const round = await createTestCaller(deps, { playerId: player.id }).round.get({ roundId: opened.id });
    expect(round).toMatchObject({ status: "VOIDED", voidReason: "TIMEOUT" });
    expect(round.bets.every((b) => b.isRefunded)).toBe(true);
    expect((await ledgerOfRound(deps, opened.id)).map((t) => t.kind).sort()).toEqual([
      "BET",
      "BET",
      "ROLLBACK",
      "ROLLBACK",
    ]);
    expect(await cashOf(deps, player.id)).toBe(1_000n);
  });
});
