import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../../deps";
import { createTestDeps } from "../../testing/context";
import { cashOf, ensureInHouseGames, ledgerOfRound, newKey } from "../../testing/rounds";
import { createFundedPlayer, expectLedgerInvariants } from "../../testing/wallet";
import { postTransfer } from "../wallet/post-transfer";
import {
  decideInstantRound,
  openInstantRound,
  placeInstantBet,
  playPendingRound,
  takeInstantStake,
} from "./place-instant-bet";
import { findRound } from "./rounds.repo";
import { settleStaleRounds } from "./settle-stale-rounds";

const deps = createTestDeps();
beforeAll(() => ensureInHouseGames(deps));
afterEach(() => expectLedgerInvariants(deps));
afterAll(() => deps.db.close());

/**
 * The same deps an hour ago: a round opened with them is long past its deadline for the job (running on the
 * real clock). Each test sweeps only its own player's rounds, so parallel files never close each other's.
 */
const anHourAgo: ServiceDeps = { ...deps, now: () => new Date(Date.now() - 3_600_000) };

const dice = (playerId: string, stakeMinor: bigint, idempotencyKey = newKey()) => ({
  playerId,
  game: "dice",
  currency: "EUR",
  stakeMinor,
  params: { direction: "under" as const, target: 9_000 },
  idempotencyKey,
});

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

/** A request that died right after its stake was taken: the round is OPEN, the debit committed. */
const crashAfterDebit = async (input: ReturnType<typeof dice>) => {
  const pending = await openInstantRound(anHourAgo, input);
  if (!pending) throw new Error("round not opened");
  const debit = await takeInstantStake(anHourAgo, pending);
  return { pending, debit };
};

describe("the rounds timeout job", () => {
  it("voids a round left open after its debit, refunding the stake to its sources exactly once", async () => {
    const player = await playerWithCashAndBonus();
    const { pending, debit } = await crashAfterDebit(dice(player.id, 1_000n));
    expect(debit.postings.map((p) => [p.type, p.amountMinor])).toEqual([
      ["CASH", -300n],
      ["BONUS", -700n],
      ["GAME_REVENUE", 1_000n],
    ]);
    expect((await findRound(deps.db.prisma, pending.roundId))?.status).toBe("OPEN");

    const first = await settleStaleRounds(deps, { playerId: player.id });
    const second = await settleStaleRounds(deps, { playerId: player.id });
    expect(first).toEqual({ settled: 0, voided: 1, failed: 0 });
    expect(second).toEqual({ settled: 0, voided: 0, failed: 0 });

    const round = await findRound(deps.db.prisma, pending.roundId);
    expect(round).toMatchObject({ status: "VOIDED", voidReason: "TIMEOUT", result: null });
    expect(round?.bets[0]).toMatchObject({ debitTxnId: debit.txnId, refundTxnId: expect.stringMatching(/^txn_/) });
    const ledger = await ledgerOfRound(deps, pending.roundId);
    expect(ledger.map((t) => t.kind)).toEqual(["BET", "ROLLBACK"]);
    expect(ledger[1]?.reversesTxnId).toBe(debit.txnId);
    expect(await cashOf(deps, player.id, "CASH")).toBe(300n);
    expect(await cashOf(deps, player.id, "BONUS")).toBe(700n);
  });

  it("refunds once when two job runs race over the same round", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const { pending } = await crashAfterDebit(dice(player.id, 400n));
    await Promise.all([
      settleStaleRounds(deps, { playerId: player.id }),
      settleStaleRounds(deps, { playerId: player.id }),
      settleStaleRounds(deps, { playerId: player.id }),
    ]);
    expect((await ledgerOfRound(deps, pending.roundId)).map((t) => t.kind)).toEqual(["BET", "ROLLBACK"]);
    expect(await cashOf(deps, player.id)).toBe(1_000n);
  });

  it("completes a round whose outcome was decided before the crash: the win is paid once", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const { pending, debit } = await crashAfterDebit(dice(player.id, 500n));
    expect(await decideInstantRound(anHourAgo, pending, debit.txnId)).toBe(true);
    await settleStaleRounds(deps, { playerId: player.id });
    await settleStaleRounds(deps, { playerId: player.id });
    const round = await findRound(deps.db.prisma, pending.roundId);
    expect(round?.status).toBe("SETTLED");
    const payout = round?.totalPayoutMinor ?? -1n;
    expect((await ledgerOfRound(deps, pending.roundId)).map((t) => t.kind)).toEqual(
      payout > 0n ? ["BET", "WIN"] : ["BET"],
    );
    expect(await cashOf(deps, player.id)).toBe(1_000n - 500n + payout);
  });

  it("voids a round that crashed before its debit, moving no money", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const pending = await openInstantRound(anHourAgo, dice(player.id, 500n));
    await settleStaleRounds(deps, { playerId: player.id });
    expect((await findRound(deps.db.prisma, pending?.roundId ?? ""))?.status).toBe("VOIDED");
    expect(await ledgerOfRound(deps, pending?.roundId ?? "")).toEqual([]);
    expect(await cashOf(deps, player.id)).toBe(1_000n);
  });

  it("answers a retry of a crashed round after its deadline with the voided round and the stake back", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const input = dice(player.id, 600n);
    const { pending } = await crashAfterDebit(input);
    const retry = await placeInstantBet(deps, input);
    expect(retry).toMatchObject({ id: pending.roundId, status: "VOIDED", payoutMinor: 0n, isReplay: true });
    expect(retry.bets[0]?.isRefunded).toBe(true);
    await settleStaleRounds(deps, { playerId: player.id });
    expect((await ledgerOfRound(deps, pending.roundId)).map((t) => t.kind)).toEqual(["BET", "ROLLBACK"]);
    expect(await cashOf(deps, player.id)).toBe(1_000n);
  });

  it("refunds a stake that lands after the round was voided, without a double refund", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const pending = await openInstantRound(anHourAgo, dice(player.id, 700n));
    if (!pending) throw new Error("round not opened");
    await settleStaleRounds(deps, { playerId: player.id }); // voided while the (slow) request had not debited yet
    // The late request: its debit lands, its decision loses to the void, and it refunds its own stake.
    const late = await playPendingRound(anHourAgo, pending);
    expect(late).toMatchObject({ status: "VOIDED", voidReason: "TIMEOUT" });
    expect(late.bets[0]?.isRefunded).toBe(true);
    await settleStaleRounds(deps, { playerId: player.id });
    expect((await ledgerOfRound(deps, pending.roundId)).map((t) => t.kind)).toEqual(["BET", "ROLLBACK"]);
    expect(await cashOf(deps, player.id)).toBe(1_000n);
  });
});
