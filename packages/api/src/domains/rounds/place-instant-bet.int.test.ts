import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { killMidStatement } from "../../testing/kill-mid-statement";
import { cashOf, domainCodeOf, ensureInHouseGames, ledgerOfRound, newKey } from "../../testing/rounds";
import { createFundedPlayer, expectLedgerInvariants } from "../../testing/wallet";
import { verifyRound } from "../games/games";
import { placeInstantBet } from "./place-instant-bet";

const deps = createTestDeps();
beforeAll(() => ensureInHouseGames(deps));
afterEach(() => expectLedgerInvariants(deps));
afterAll(() => deps.db.close());

const dice = (stakeMinor = 100n, idempotencyKey = newKey()) => ({
  game: "dice",
  currency: "EUR",
  stakeMinor,
  params: { direction: "over" as const, target: 5000 },
  idempotencyKey,
});

describe("round.play (instant games)", () => {
  it("plays dice: stake out, payout in, round SETTLED with the outcome the revealed seed verifies", async () => {
    const player = await createFundedPlayer(deps, 10_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const before = await caller.fairness.get();

    const round = await caller.round.play(dice(250n));

    expect(round).toMatchObject({
      game: "dice",
      status: "SETTLED",
      currency: "EUR",
      stakeMinor: 250n,
      isReplay: false,
    });
    expect(round.id).toMatch(/^rnd_/);
    expect(round.bets).toHaveLength(1);
    expect(round.bets[0]?.id).toMatch(/^bet_/);
    expect(await cashOf(deps, player.id)).toBe(10_000n - 250n + (round.payoutMinor ?? 0n));
    expect(round.result).toBe((round.payoutMinor ?? 0n) > 250n ? "WIN" : "LOSE");
    // Before rotation only the commitment is known.
    expect(round.fairness).toMatchObject({ serverSeedHash: before.active.serverSeedHash, serverSeed: null, nonce: 0 });

    const { revealed } = await caller.fairness.rotate({});
    expect(revealed.serverSeedHash).toBe(before.active.serverSeedHash);
    const [recalled] = await caller.round.recent();
    expect(recalled?.fairness?.serverSeed).toBe(revealed.serverSeed);

    const verified = verifyRound({
      game: "dice",
      serverSeed: recalled?.fairness?.serverSeed ?? "",
      clientSeed: recalled?.fairness?.clientSeed ?? "",
      nonce: recalled?.fairness?.nonce ?? -1,
      params: recalled?.params,
      calcVer: recalled?.calcVer,
    });
    expect(verified.outcome).toEqual(round.outcome);
    expect(verified.serverSeedHash).toBe(before.active.serverSeedHash);
    const kinds = (await ledgerOfRound(deps, round.id)).map((t) => t.kind);
    expect(kinds).toEqual(verified.isWin ? ["BET", "WIN"] : ["BET"]);
  });

  it("plays every instant game of the registry (mines as a whole round with picks)", async () => {
    const player = await createFundedPlayer(deps, 100_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const plays = [
      { game: "mines", params: { mines: 3, picks: [0, 6, 12] } },
      { game: "fruit-five", params: { lines: 10 } },
    ];
    let expected = 100_000n;
    for (const play of plays) {
      const round = await caller.round.play({ ...play, currency: "EUR", stakeMinor: 1_000n, idempotencyKey: newKey() });
      expect(round).toMatchObject({ game: play.game, status: "SETTLED" });
      expect(round.calcVer).toMatch(new RegExp(`^${play.game}@`));
      expected += (round.payoutMinor ?? 0n) - 1_000n;
    }
    expect(await cashOf(deps, player.id)).toBe(expected);
  });

  it("returns the original round for a retry with the same key, moving money once", async () => {
    const player = await createFundedPlayer(deps, 5_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const input = dice(500n);
    const first = await caller.round.play(input);
    const retry = await caller.round.play(input);
    expect(retry).toEqual({ ...first, isReplay: true });
    expect(await cashOf(deps, player.id)).toBe(5_000n - 500n + (first.payoutMinor ?? 0n));
    expect((await ledgerOfRound(deps, first.id)).filter((t) => t.kind === "BET")).toHaveLength(1);
    // The same key for another request is refused, and moves nothing.
    expect(await domainCodeOf(caller.round.play({ ...input, stakeMinor: 600n }))).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await cashOf(deps, player.id)).toBe(5_000n - 500n + (first.payoutMinor ?? 0n));
  });

  it("plays 8 concurrent requests with one key as one round", async () => {
    const player = await createFundedPlayer(deps, 5_000n);
    const input = dice(300n);
    const rounds = await Promise.all(
      Array.from({ length: 8 }, () => placeInstantBet(deps, { ...input, playerId: player.id })),
    );
    const [first] = rounds;
    expect(new Set(rounds.map((r) => r.id)).size).toBe(1);
    expect(rounds.filter((r) => !r.isReplay)).toHaveLength(1);
    expect(rounds.every((r) => r.status === "SETTLED" && r.payoutMinor === first?.payoutMinor)).toBe(true);
    expect(await cashOf(deps, player.id)).toBe(5_000n - 300n + (first?.payoutMinor ?? 0n));
    expect((await ledgerOfRound(deps, first?.id ?? "")).filter((t) => t.kind === "BET")).toHaveLength(1);
    expect(await deps.db.prisma.round.count({ where: { playerId: player.id } })).toBe(1);
  });

  it("uses nonce 0, 1, 2 … of the active pair, and starts again at 0 after a rotation", async () => {
    const player = await createFundedPlayer(deps, 5_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const nonces: number[] = [];
    for (let i = 0; i < 3; i += 1) nonces.push((await caller.round.play(dice(10n))).fairness?.nonce ?? -1);
    expect(nonces).toEqual([0, 1, 2]);
    expect((await caller.fairness.get()).active.nextNonce).toBe(3);

    const { revealed, active } = await caller.fairness.setClientSeed({ clientSeed: "my-own-seed" });
    expect(revealed.nonceCount).toBe(3);
    expect(active).toMatchObject({ clientSeed: "my-own-seed", nextNonce: 0 });
    const next = await caller.round.play(dice(10n));
    expect(next.fairness).toMatchObject({ nonce: 0, clientSeed: "my-own-seed", serverSeedHash: active.serverSeedHash });
    // Concurrent plays never share a nonce.
    const parallel = await Promise.all(Array.from({ length: 5 }, () => caller.round.play(dice(10n))));
    expect(parallel.map((r) => r.fairness?.nonce).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("is one database transaction: killed mid-statement it leaves no round, no nonce used, no money moved", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const input = { ...dice(400n), playerId: player.id };
    const before = (await createTestCaller(deps, { playerId: player.id }).fairness.get()).active;
    // Killed after it has taken the nonce, written the round and its bet and updated the balance, all uncommitted.
    expect(await killMidStatement(deps, (db) => placeInstantBet({ ...deps, db }, input))).toBe("UNAVAILABLE");
    expect(await deps.db.prisma.round.count({ where: { playerId: player.id } })).toBe(0);
    expect(await deps.db.prisma.bet.count({ where: { playerId: player.id } })).toBe(0);
    expect(await deps.db.prisma.ledgerTransaction.count({ where: { playerId: player.id, kind: "BET" } })).toBe(0);
    expect((await createTestCaller(deps, { playerId: player.id }).fairness.get()).active.nextNonce).toBe(
      before.nextNonce,
    );
    expect(await cashOf(deps, player.id)).toBe(1_000n);

    // The retry plays the round once, on the nonce the killed attempt never used.
    const retry = await placeInstantBet(deps, input);
    expect(retry).toMatchObject({ status: "SETTLED", isReplay: false, fairness: { nonce: before.nextNonce } });
    expect((await placeInstantBet(deps, input)).isReplay).toBe(true);
    expect(await cashOf(deps, player.id)).toBe(1_000n - 400n + (retry.payoutMinor ?? 0n));
  });

  it("gives every round a nonce of the pair it verifies against while rotations race the plays", async () => {
    const player = await createFundedPlayer(deps, 100_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const [rounds] = await Promise.all([
      Promise.all(Array.from({ length: 12 }, () => caller.round.play(dice(10n)))),
      Promise.all(Array.from({ length: 3 }, () => caller.fairness.rotate({}).catch(() => null))),
    ]);
    await caller.fairness.rotate({});
    const pairs = await deps.db.prisma.fairnessSeedPair.findMany({ where: { playerId: player.id } });
    const seen = new Set<string>();
    for (const round of rounds) {
      const pair = pairs.find((p) => p.id === round.fairness?.seedPairId);
      expect(pair?.revealedAt).not.toBeNull();
      const nonce = round.fairness?.nonce ?? -1;
      expect(nonce).toBeLessThan(pair?.nextNonce ?? 0);
      seen.add(`${pair?.id}:${nonce}`);
      const verified = verifyRound({
        game: "dice",
        serverSeed: pair?.serverSeed ?? "",
        clientSeed: pair?.clientSeed ?? "",
        nonce,
        params: round.params,
        calcVer: round.calcVer,
      });
      expect(verified.outcome).toEqual(round.outcome);
    }
    expect(seen.size).toBe(12);
  });
});
