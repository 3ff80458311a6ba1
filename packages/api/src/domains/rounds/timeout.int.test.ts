import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ServiceDeps } from "../../deps";
import { createTestDeps } from "../../testing/context";
import { cashOf, ensureInHouseGames, ledgerOfRound, newKey } from "../../testing/rounds";
import { createFundedPlayer, expectLedgerInvariants } from "../../testing/wallet";
import { postTransfer } from "../wallet/post-transfer";
import { reverseTransaction } from "../wallet/reverse-transaction";
import { openRound } from "./open-round";
import { placeBet } from "./place-bet";
import { findRound, recordRoundStep } from "./rounds.repo";
import { settleRound } from "./settle-round";
import { settleStaleRounds } from "./settle-stale-rounds";

const deps = createTestDeps();
beforeAll(() => ensureInHouseGames(deps));
afterEach(() => expectLedgerInvariants(deps));
afterAll(() => deps.db.close());

/**
 * The same deps an hour and a half ago: a multi-step round opened with them is past its deadline (an hour) for the
 * job, running on the real clock. Each test sweeps only its own player's rounds, so parallel files never close
 * each other's.
 */
const earlier: ServiceDeps = { ...deps, now: () => new Date(Date.now() - 5_400_000) };

/** A mines round the player staked on and then walked away from: OPEN, its stake taken. */
const abandonedRound = async (playerId: string, stakeMinor: bigint) => {
  const round = await openRound(earlier, { playerId, game: "mines", currency: "EUR", idempotencyKey: newKey() });
  const staked = await placeBet(earlier, { playerId, roundId: round.id, stakeMinor, idempotencyKey: newKey() });
  return { round, betId: staked.bets[0]?.id ?? "" };
};

/** A player with 300 cash and 700 bonus, so a stake of 1,000 comes from both. */
const playerWithCashAndBonus = async () => {
  const player = await createFundedPlayer(deps, 300n);
  await postTransfer(deps, {
    kind: "BONUS_GRANT",
    playerId: player.id,
    currency: "EUR",
    idempotencyKey: newKey(),
    legs: [
      { type: "BONUS_COST", amountMinor: -700n },
      { playerId: player.id, type: "BONUS", amountMinor: 700n },
    ],
  });
  return player;
};

describe("the rounds timeout job", () => {
  it("voids an abandoned round, refunding the stake to its sources exactly once", async () => {
    const player = await playerWithCashAndBonus();
    const { round } = await abandonedRound(player.id, 1_000n);
    expect(await cashOf(deps, player.id, "CASH")).toBe(0n);
    expect(await cashOf(deps, player.id, "BONUS")).toBe(0n);

    const first = await settleStaleRounds(deps, { playerId: player.id });
    const second = await settleStaleRounds(deps, { playerId: player.id });
    expect(first).toEqual({ settled: 0, voided: 1, failed: 0 });
    expect(second).toEqual({ settled: 0, voided: 0, failed: 0 });

    const voided = await findRound(deps.db.prisma, round.id);
    expect(voided).toMatchObject({ status: "VOIDED", voidReason: "TIMEOUT", result: null });
    const ledger = await ledgerOfRound(deps, round.id);
    expect(ledger.map((t) => t.kind)).toEqual(["BET", "ROLLBACK"]);
    expect(voided?.bets[0]).toMatchObject({ debitTxnId: ledger[0]?.id, refundTxnId: ledger[1]?.id });
    expect(ledger[1]?.reversesTxnId).toBe(ledger[0]?.id);
    expect(await cashOf(deps, player.id, "CASH")).toBe(300n);
    expect(await cashOf(deps, player.id, "BONUS")).toBe(700n);
  });

  it("refunds once when three job runs race over the same round", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const { round } = await abandonedRound(player.id, 400n);
    await Promise.all([
      settleStaleRounds(deps, { playerId: player.id }),
      settleStaleRounds(deps, { playerId: player.id }),
      settleStaleRounds(deps, { playerId: player.id }),
    ]);
    expect((await ledgerOfRound(deps, round.id)).map((t) => t.kind)).toEqual(["BET", "ROLLBACK"]);
    expect(await cashOf(deps, player.id)).toBe(1_000n);
  });

  it("completes a round whose outcome was decided before a crash: the win is paid once", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const { round } = await abandonedRound(player.id, 500n);
    // The decision was recorded, then the process died before paying: the job pays exactly the decided amount.
    await recordRoundStep(
      deps.db.prisma,
      round.id,
      { totalStakeMinor: 500n, params: {} },
      {
        result: "WIN",
        totalPayoutMinor: 1_250n,
        outcome: { mines: [1, 2], picks: [7] },
        params: { mines: 2, picks: [7] },
      },
    );
    await Promise.all([
      settleStaleRounds(deps, { playerId: player.id }),
      settleStaleRounds(deps, { playerId: player.id }),
    ]);
    expect((await findRound(deps.db.prisma, round.id))?.status).toBe("SETTLED");
    expect((await ledgerOfRound(deps, round.id)).map((t) => t.kind)).toEqual(["BET", "WIN"]);
    expect(await cashOf(deps, player.id)).toBe(1_000n - 500n + 1_250n);
  });

  it("voids a round opened without a stake, moving no money", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const round = await openRound(earlier, {
      playerId: player.id,
      game: "mines",
      currency: "EUR",
      idempotencyKey: newKey(),
    });
    await settleStaleRounds(deps, { playerId: player.id });
    expect((await findRound(deps.db.prisma, round.id))?.status).toBe("VOIDED");
    expect(await ledgerOfRound(deps, round.id)).toEqual([]);
    expect(await cashOf(deps, player.id)).toBe(1_000n);
  });

  it("takes no stake into a round past its deadline", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const { round } = await abandonedRound(player.id, 100n);
    const late = placeBet(deps, { playerId: player.id, roundId: round.id, stakeMinor: 100n, idempotencyKey: newKey() });
    await expect(late).rejects.toMatchObject({ code: "CONFLICT" });
    await settleStaleRounds(deps, { playerId: player.id });
    expect((await ledgerOfRound(deps, round.id)).map((t) => t.kind)).toEqual(["BET", "ROLLBACK"]);
    expect(await cashOf(deps, player.id)).toBe(1_000n);
  });

  it("a stake staff already reversed is not refunded again, and a voided round is left alone after", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const { round } = await abandonedRound(player.id, 250n);
    const debitTxnId = (await findRound(deps.db.prisma, round.id))?.bets[0]?.debitTxnId ?? "";
    await reverseTransaction(deps, {
      kind: "REVERSAL",
      playerId: player.id,
      originalTxnId: debitTxnId,
      idempotencyScope: `staff:${player.id}`,
      idempotencyKey: newKey(),
    });
    const warn = vi.spyOn(deps.logger, "warn");
    try {
      expect(await settleStaleRounds(deps, { playerId: player.id })).toEqual({ settled: 0, voided: 1, failed: 0 });
      // The player cashing out afterwards (twice) gets the voided round as it is: no second try at the reversal.
      for (let i = 0; i < 2; i += 1) {
        const cashOut = await settleRound(deps, { playerId: player.id, roundId: round.id, params: {} });
        expect(cashOut).toMatchObject({ status: "VOIDED" });
      }
      const reversedElsewhere = warn.mock.calls.filter(
        ([, message]) => message === "stake was already reversed elsewhere",
      );
      expect(reversedElsewhere).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
    expect(await findRound(deps.db.prisma, round.id)).toMatchObject({ status: "VOIDED", voidReason: "TIMEOUT" });
    expect((await ledgerOfRound(deps, round.id)).map((t) => t.kind)).toEqual(["BET"]);
    expect(await cashOf(deps, player.id)).toBe(1_000n);
  });
});
