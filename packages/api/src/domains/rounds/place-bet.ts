import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { debitStake } from "../wallet/debit-stake";
import { requestHash } from "../wallet/request-hash";
import { isDefinitiveRefusal, isUniqueViolation, sleep } from "./failure-kinds";
import { parseInput } from "./parse-input";
import { requireAllowedStake, requirePlayableGame } from "./prepare-wager";
import { completeDecidedRound } from "./round-lifecycle";
import { DEBIT_CUTOFF_MS, ledgerKeys, ledgerScope, RETRY_POLL_MS, RETRY_POLLS } from "./round-rules";
import { type RoundView, toRoundView } from "./round-view";
import {
  confirmBetDebit,
  decrementPendingBets,
  findBetByKey,
  findPlayerRound,
  insertBet,
  releaseBetInRound,
  reserveBetInRound,
} from "./rounds.repo";
import { type PlaceBetCommand, placeBetCommand } from "./rounds.schemas";

type Deps = ServiceDeps;

const closedRound = () => new DomainError("CONFLICT", { message: "the round no longer takes bets" });

/** A retry of a bet: the round as it is once that bet is confirmed (waiting briefly for the original). */
const replayBet = async (deps: Deps, playerId: string, idempotencyKey: string, hash: string) => {
  for (let poll = 0; ; poll += 1) {
    const bet = await findBetByKey(deps.db.prisma, playerId, idempotencyKey);
    if (!bet) return null;
    if (bet.requestHash !== hash) {
      throw new DomainError("IDEMPOTENCY_KEY_REUSED", { message: "this idempotency key was used for another request" });
    }
    if (bet.debitTxnId) return toRoundView(await completeDecidedRound(deps, bet.roundId));
    if (poll >= RETRY_POLLS) {
      throw new DomainError("CONFLICT", { message: "the bet is still being placed; retry with the same key" });
    }
    await sleep(RETRY_POLL_MS);
  }
};

/**
 * Adds a stake to an open multi-step round. The bet is written (and counted as pending, so the round cannot be
 * settled around it) before the debit, which carries the round id and a key derived from the client key; the
 * debit is then confirmed. A refused debit removes the bet; a round voided meanwhile refunds it at once.
 */
export const placeBet = async (deps: Deps, rawInput: PlaceBetCommand): Promise<RoundView> => {
  const input = parseInput(placeBetCommand, rawInput);
  const hash = requestHash("round.bet", { roundId: input.roundId, stakeMinor: input.stakeMinor });
  const replayed = await replayBet(deps, input.playerId, input.idempotencyKey, hash);
  if (replayed) return replayed;

  const round = await findPlayerRound(deps.db.prisma, input.playerId, input.roundId);
  if (!round) throw new DomainError("NOT_FOUND", { message: "round not found" });
  if (round.status !== "OPEN" || round.result !== null || round.voidReason !== null || round.nonce === null) {
    throw closedRound();
  }
  if (deps.now().getTime() >= round.timeoutAt.getTime() - DEBIT_CUTOFF_MS) throw closedRound();
  const game = await requirePlayableGame(deps, round.game.slug, round.currency);
  await requireAllowedStake(
    deps,
    { playerId: input.playerId, gameSlug: game.slug, currency: round.currency, stakeMinor: input.stakeMinor },
    game.limit,
  );

  const betId = deps.newId("bet");
  try {
    await deps.db.prisma.$transaction(async (tx) => {
      if ((await reserveBetInRound(tx, round.id, input.playerId, input.stakeMinor)) === 0) throw closedRound();
      await insertBet(tx, {
        id: betId,
        roundId: round.id,
        playerId: input.playerId,
        stakeMinor: input.stakeMinor,
        idempotencyKey: input.idempotencyKey,
        requestHash: hash,
        createdAt: deps.now(),
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await replayBet(deps, input.playerId, input.idempotencyKey, hash)) ?? Promise.reject(error);
  }

  let debitTxnId: string;
  try {
    debitTxnId = (
      await debitStake(deps, {
        playerId: input.playerId,
        currency: round.currency,
        amountMinor: input.stakeMinor,
        houseScope: game.provider,
        roundId: round.id,
        calcVer: round.calcVer,
        idempotencyScope: ledgerScope(input.playerId),
        idempotencyKey: ledgerKeys.debit(input.idempotencyKey),
      })
    ).txnId;
  } catch (error) {
    // Only a certain refusal may take the bet back; otherwise it stays pending and the timeout voids the round.
    if (isDefinitiveRefusal(error)) {
      await deps.db.prisma.$transaction((tx) => releaseBetInRound(tx, round.id, betId, input.stakeMinor));
    }
    throw error;
  }
  await deps.db.prisma.$transaction(async (tx) => {
    if ((await confirmBetDebit(tx, betId, debitTxnId)) > 0) await decrementPendingBets(tx, round.id);
  });
  return toRoundView(await completeDecidedRound(deps, round.id));
};
