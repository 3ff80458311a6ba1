import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../../deps";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { cashOf, domainCodeOf, ensureInHouseGames, ledgerOfRound, newKey } from "../../testing/rounds";
import { createFundedPlayer, expectLedgerInvariants } from "../../testing/wallet";
import { outcomeFloats } from "../games/fairness";
import { verifyRound } from "../games/games";
import { minePositions, minesMultiplier } from "../games/mines";
import { payoutFor } from "../games/payout";

const deps = createTestDeps();
beforeAll(() => ensureInHouseGames(deps));
afterEach(() => expectLedgerInvariants(deps));
afterAll(() => deps.db.close());

type Caller = ReturnType<typeof createTestCaller>;

/** A staked mines round, and (peeking at the still-secret server seed, as only a test may) its board. */
const stakedRound = async (caller: Caller, mines: number, stakeMinor = 100n) => {
  const opened = await caller.round.open({ game: "mines", currency: "EUR", idempotencyKey: newKey() });
  await caller.round.placeBet({ roundId: opened.id, stakeMinor, idempotencyKey: newKey() });
  const pair = await deps.db.prisma.fairnessSeedPair.findUniqueOrThrow({
    where: { id: opened.fairness?.seedPairId ?? "" },
    select: { serverSeed: true, clientSeed: true },
  });
  const nonce = opened.fairness?.nonce ?? 0;
  const board = minePositions(mines, outcomeFloats(pair.serverSeed, pair.clientSeed, nonce, mines));
  const safe = Array.from({ length: 25 }, (_, cell) => cell).filter((cell) => !board.includes(cell));
  return { round: opened, board, safe };
};

describe("multi-step mines (open → bet → reveal … → cash out or mine)", () => {
  it("reveals safe cells one by one, then cashes out exactly those at the multiplier they reached", async () => {
    const player = await createFundedPlayer(deps, 10_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const { round, safe } = await stakedRound(caller, 3, 200n);
    const [first = -1, second = -1] = safe;

    const afterFirst = await caller.round.reveal({ roundId: round.id, mines: 3, cell: first });
    expect(afterFirst).toMatchObject({ status: "OPEN", outcome: null, params: { mines: 3, picks: [first] } });
    // A retry of the same reveal changes nothing.
    expect((await caller.round.reveal({ roundId: round.id, mines: 3, cell: first })).params).toEqual(afterFirst.params);
    const afterSecond = await caller.round.reveal({ roundId: round.id, mines: 3, cell: second });
    expect(afterSecond).toMatchObject({ status: "OPEN", params: { mines: 3, picks: [first, second] } });

    // What a reveal showed can no longer change the stake, the mine count or the cells cashed out.
    expect(
      await domainCodeOf(caller.round.placeBet({ roundId: round.id, stakeMinor: 5_000n, idempotencyKey: newKey() })),
    ).toBe("CONFLICT");
    expect(await domainCodeOf(caller.round.reveal({ roundId: round.id, mines: 5, cell: safe[2] ?? 0 }))).toBe(
      "INVALID_INPUT",
    );
    expect(await domainCodeOf(caller.round.settle({ roundId: round.id, params: { mines: 3, picks: [first] } }))).toBe(
      "INVALID_INPUT",
    );
    expect(await cashOf(deps, player.id)).toBe(9_800n);

    const cashedOut = await caller.round.settle({ roundId: round.id, params: { mines: 3, picks: [first, second] } });
    const expected = payoutFor(200n, minesMultiplier(3, 2));
    expect(cashedOut).toMatchObject({ status: "SETTLED", result: "WIN", payoutMinor: expected });
    expect(await cashOf(deps, player.id)).toBe(9_800n + expected);
    expect((await ledgerOfRound(deps, round.id)).map((t) => t.kind)).toEqual(["BET", "WIN"]);

    // The recorded round replays exactly in the public verifier once the seed is revealed.
    const { revealed } = await caller.fairness.rotate({});
    const verified = verifyRound({
      game: "mines",
      serverSeed: revealed.serverSeed,
      clientSeed: revealed.clientSeed,
      nonce: round.fairness?.nonce ?? -1,
      params: cashedOut.params,
    });
    expect(verified.outcome).toEqual(cashedOut.outcome);
  });

  it("settles a lost round at once when a revealed cell holds a mine", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const { round, board, safe } = await stakedRound(caller, 5);
    const mine = board[0] ?? -1;
    await caller.round.reveal({ roundId: round.id, mines: 5, cell: safe[0] ?? -1 });
    const lost = await caller.round.reveal({ roundId: round.id, mines: 5, cell: mine });
    expect(lost).toMatchObject({ status: "SETTLED", result: "LOSE", payoutMinor: 0n });
    expect(lost.outcome).toMatchObject({ hitMine: mine, safeReveals: [safe[0]], isWin: false });
    expect([...(lost.outcome as { minePositions: number[] }).minePositions].sort()).toEqual([...board].sort());
    // The round is over: another reveal or a cash-out only return it as it is.
    expect(await caller.round.reveal({ roundId: round.id, mines: 5, cell: safe[1] ?? -1 })).toEqual(lost);
    expect(await caller.round.settle({ roundId: round.id, params: { mines: 5, picks: [safe[0]] } })).toEqual(lost);
    expect(await cashOf(deps, player.id)).toBe(900n);
    expect((await ledgerOfRound(deps, round.id)).map((t) => t.kind)).toEqual(["BET"]);
  });

  it("cashes out by itself when the last safe cell is opened", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const { round, safe } = await stakedRound(caller, 24, 100n);
    expect(safe).toHaveLength(1);
    const cleared = await caller.round.reveal({ roundId: round.id, mines: 24, cell: safe[0] ?? -1 });
    // 0.99 · C(25, 1) / C(1, 1) = 24.75×.
    expect(cleared).toMatchObject({ status: "SETTLED", result: "WIN", payoutMinor: 2_475n });
    expect(await cashOf(deps, player.id)).toBe(900n + 2_475n);
  });

  it("resumes the round in play after a reload, and only the player's own multi-step round", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const other = await createFundedPlayer(deps, 1_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const intruder = createTestCaller(deps, { playerId: other.id });
    expect(await caller.round.current({ game: "mines" })).toBeNull();
    // An instant round never counts as one in play.
    await caller.round.play({
      game: "mines",
      currency: "EUR",
      stakeMinor: 100n,
      params: { mines: 1, picks: [0] },
      idempotencyKey: newKey(),
    });
    expect(await caller.round.current({ game: "mines" })).toBeNull();

    const { round, safe } = await stakedRound(caller, 2);
    await caller.round.reveal({ roundId: round.id, mines: 2, cell: safe[0] ?? -1 });
    const resumed = await caller.round.current({ game: "mines" });
    expect(resumed).toMatchObject({ id: round.id, status: "OPEN", stakeMinor: 100n, params: { picks: [safe[0]] } });
    expect(await caller.round.current({ game: "dice" })).toBeNull();
    expect(await intruder.round.current({ game: "mines" })).toBeNull();
    expect(await domainCodeOf(intruder.round.reveal({ roundId: round.id, mines: 2, cell: safe[1] ?? -1 }))).toBe(
      "NOT_FOUND",
    );

    await caller.round.settle({ roundId: round.id, params: resumed?.params });
    expect(await caller.round.current({ game: "mines" })).toBeNull();
  });

  it("refuses a reveal before the stake, after the timeout, and in a game that has no cells", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const unstaked = await caller.round.open({ game: "mines", currency: "EUR", idempotencyKey: newKey() });
    expect(await domainCodeOf(caller.round.reveal({ roundId: unstaked.id, mines: 3, cell: 0 }))).toBe("CONFLICT");

    const { round, safe } = await stakedRound(caller, 3);
    const later: ServiceDeps = { ...deps, now: () => new Date(Date.now() + 2 * 3_600_000) };
    const late = createTestCaller(later, { playerId: player.id });
    expect(await domainCodeOf(late.round.reveal({ roundId: round.id, mines: 3, cell: safe[0] ?? -1 }))).toBe(
      "CONFLICT",
    );

    const dice = await caller.round.open({ game: "dice", currency: "EUR", idempotencyKey: newKey() });
    await caller.round.placeBet({ roundId: dice.id, stakeMinor: 100n, idempotencyKey: newKey() });
    expect(await domainCodeOf(caller.round.reveal({ roundId: dice.id, mines: 3, cell: 0 }))).toBe("INVALID_INPUT");
    expect(await domainCodeOf(caller.round.reveal({ roundId: round.id, mines: 3, cell: 25 }))).toBe("INVALID_INPUT");
  });
});
