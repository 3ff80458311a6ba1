import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { killMidStatement } from "../../testing/kill-mid-statement";
import { cashOf, domainCodeOf, ensureInHouseGames, ledgerOfRound, newKey } from "../../testing/rounds";
import { createFundedPlayer, expectLedgerInvariants } from "../../testing/wallet";
import { placeBet } from "./place-bet";
import { findRound } from "./rounds.repo";

const deps = createTestDeps();
beforeAll(() => ensureInHouseGames(deps));
afterEach(() => expectLedgerInvariants(deps));
afterAll(() => deps.db.close());

const openMines = async (funds: bigint) => {
  const player = await createFundedPlayer(deps, funds);
  const caller = createTestCaller(deps, { playerId: player.id });
  const round = await caller.round.open({ game: "mines", currency: "EUR", idempotencyKey: newKey() });
  return { player, caller, round };
};

const stateOf = async (playerId: string, roundId: string) => ({
  cash: await cashOf(deps, playerId),
  roundStake: (await findRound(deps.db.prisma, roundId))?.totalStakeMinor,
  bets: await deps.db.prisma.bet.count({ where: { roundId } }),
  debits: (await ledgerOfRound(deps, roundId)).length,
});

describe("round.placeBet: the bet, the round's stake and the debit commit together", () => {
  it("refuses a stake above the balance with nothing written", async () => {
    const { player, caller, round } = await openMines(300n);
    expect(
      await domainCodeOf(caller.round.placeBet({ roundId: round.id, stakeMinor: 301n, idempotencyKey: newKey() })),
    ).toBe("INSUFFICIENT_FUNDS");
    expect(await stateOf(player.id, round.id)).toEqual({ cash: 300n, roundStake: 0n, bets: 0, debits: 0 });
  });

  it("places 10 concurrent copies of one bet once, and every copy answers with that bet", async () => {
    const { player, caller, round } = await openMines(1_000n);
    const input = { roundId: round.id, stakeMinor: 250n, idempotencyKey: newKey() };
    const answers = await Promise.all(Array.from({ length: 10 }, () => caller.round.placeBet(input)));
    const betIds = new Set(answers.map((answer) => answer.bets.map((bet) => bet.id).join()));
    expect(betIds.size).toBe(1);
    expect(await stateOf(player.id, round.id)).toEqual({ cash: 750n, roundStake: 250n, bets: 1, debits: 1 });
    expect(await domainCodeOf(caller.round.placeBet({ ...input, stakeMinor: 251n }))).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("refuses a bet once the first cell is revealed: a stake never follows what a step has shown", async () => {
    const { player, caller, round } = await openMines(1_000n);
    await caller.round.placeBet({ roundId: round.id, stakeMinor: 100n, idempotencyKey: newKey() });
    // Safe (the round goes on) or the mine (the round is lost): either way no stake may follow.
    await caller.round.reveal({ roundId: round.id, mines: 1, cell: 0 });
    expect(
      await domainCodeOf(caller.round.placeBet({ roundId: round.id, stakeMinor: 100n, idempotencyKey: newKey() })),
    ).toBe("CONFLICT");
    expect(await stateOf(player.id, round.id)).toMatchObject({ cash: 900n, roundStake: 100n, bets: 1 });
  });

  it("is one database transaction: killed mid-statement it leaves no bet, no stake on the round, no money moved", async () => {
    const { player, round } = await openMines(1_000n);
    const input = { playerId: player.id, roundId: round.id, stakeMinor: 400n, idempotencyKey: newKey() };
    // Killed after it has added the stake to the round, written the bet row and updated the balance, uncommitted.
    expect(await killMidStatement(deps, (db) => placeBet({ ...deps, db }, input))).toBe("UNAVAILABLE");
    expect(await stateOf(player.id, round.id)).toEqual({ cash: 1_000n, roundStake: 0n, bets: 0, debits: 0 });

    // The retry places the bet once.
    await placeBet(deps, input);
    await placeBet(deps, input);
    expect(await stateOf(player.id, round.id)).toEqual({ cash: 600n, roundStake: 400n, bets: 1, debits: 1 });
  });
});
