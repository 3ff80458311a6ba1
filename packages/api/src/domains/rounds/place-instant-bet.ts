import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { games, parseGameParams } from "../games/games";
import { debitStake } from "../wallet/debit-stake";
import { requestHash } from "../wallet/request-hash";
import type { LedgerResult } from "../wallet/wallet.repo";
import { isDefinitiveRefusal, isRecordNotFound, isUniqueViolation } from "./failure-kinds";
import { ensureActiveSeedPair } from "./get-seed-pair";
import { parseInput, withGameInput } from "./parse-input";
import { requireAllowedStake, requirePlayableGame, requirePlayerCurrency } from "./prepare-wager";
import { replayRound } from "./replay-round";
import { completeDecidedRound, resolveOutcome } from "./round-lifecycle";
import { DEBIT_CUTOFF_MS, gameRoundRules, ledgerKeys, ledgerScope } from "./round-rules";
import { asJsonColumn, type RoundView, toJsonSafe, toRoundView } from "./round-view";
import {
  confirmBetDebit,
  decideRoundSettlement,
  deleteUndecidedRound,
  findRoundByKey,
  insertBet,
  insertRound,
  reserveNonce,
} from "./rounds.repo";
import { type PlaceInstantBetInput, placeInstantBetInput } from "./rounds.schemas";

type Deps = ServiceDeps;

/** A round written OPEN with its one bet, before any money moved. */
export type PendingInstantRound = {
  roundId: string;
  betId: string;
  playerId: string;
  gameSlug: string;
  houseScope: string;
  calcVer: string;
  currency: string;
  stakeMinor: bigint;
  params: unknown;
  idempotencyKey: string;
  timeoutAt: Date;
};

const requestOf = (input: ReturnType<typeof placeInstantBetInput.parse>) => {
  const params = toJsonSafe(input.params);
  return {
    params,
    hash: requestHash("round.play", {
      game: input.game,
      currency: input.currency,
      stakeMinor: input.stakeMinor,
      params,
    }),
  };
};

/**
 * Validates the bet (every refusal happens here, before any money moves) and writes the round OPEN with its
 * bet. Returns null when a concurrent request with the same key wrote its round first.
 */
export const openInstantRound = async (deps: Deps, rawInput: PlaceInstantBetInput) => {
  const input = parseInput(placeInstantBetInput, rawInput);
  const { params, hash } = requestOf(input);
  await requirePlayerCurrency(deps, input.playerId, input.currency);
  const game = await requirePlayableGame(deps, input.game, input.currency);
  const definition = games[input.game as keyof typeof games];
  const parsedParams = withGameInput(() => parseGameParams(game.slug, params));
  const paramsStake = definition.paramsStake(parsedParams as never);
  if (paramsStake !== null && paramsStake !== input.stakeMinor) {
    throw new DomainError("INVALID_INPUT", {
      message: "stakeMinor must equal the sum of the bets' stakes",
      meta: { issues: [`stakeMinor: expected ${paramsStake}`] },
    });
  }
  const wager = {
    playerId: input.playerId,
    gameSlug: game.slug,
    currency: input.currency,
    stakeMinor: input.stakeMinor,
  };
  await requireAllowedStake(deps, wager, game.limit);
  await ensureActiveSeedPair(deps, input.playerId);

  const now = deps.now();
  const pending: PendingInstantRound = {
    roundId: deps.newId("round"),
    betId: deps.newId("bet"),
    playerId: input.playerId,
    gameSlug: game.slug,
    houseScope: game.provider,
    calcVer: definition.calcVer,
    currency: input.currency,
    stakeMinor: input.stakeMinor,
    params,
    idempotencyKey: input.idempotencyKey,
    timeoutAt: new Date(now.getTime() + gameRoundRules[input.game as keyof typeof games].timeoutMs),
  };
  try {
    await deps.db.prisma.$transaction([
      insertRound(deps.db.prisma, {
        id: pending.roundId,
        playerId: pending.playerId,
        gameId: game.id,
        currency: pending.currency,
        calcVer: pending.calcVer,
        totalStakeMinor: pending.stakeMinor,
        pendingBets: 1,
        params: asJsonColumn(params),
        idempotencyKey: pending.idempotencyKey,
        requestHash: hash,
        timeoutAt: pending.timeoutAt,
        createdAt: now,
      }),
      insertBet(deps.db.prisma, {
        id: pending.betId,
        roundId: pending.roundId,
        playerId: pending.playerId,
        stakeMinor: pending.stakeMinor,
        idempotencyKey: pending.idempotencyKey,
        requestHash: hash,
        createdAt: now,
      }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
  return pending;
};

const abandonedRound = new Error("round moved on");

/** Removes a round whose stake was never taken, unless the timeout job has decided it meanwhile. */
const abandonRound = async (deps: Deps, roundId: string) => {
  await deps.db.prisma
    .$transaction(async (tx) => {
      if ((await deleteUndecidedRound(tx, roundId)) === 0) throw abandonedRound;
    })
    .catch((error: unknown) => {
      if (error !== abandonedRound) throw error;
    });
};

/**
 * Takes the stake, linked to the round (round id on the ledger transaction, key derived from the client key).
 * Started only well before the round's deadline (see DEBIT_CUTOFF_MS), so the timeout job never races an
 * in-flight debit. A definitive ledger refusal removes the round: nothing debited, nothing half-written.
 */
export const takeInstantStake = async (deps: Deps, pending: PendingInstantRound): Promise<LedgerResult> => {
  if (deps.now().getTime() >= pending.timeoutAt.getTime() - DEBIT_CUTOFF_MS) {
    await abandonRound(deps, pending.roundId);
    throw new DomainError("UNAVAILABLE", { message: "the round could not start in time; retry with the same key" });
  }
  try {
    return await debitStake(deps, {
      playerId: pending.playerId,
      currency: pending.currency,
      amountMinor: pending.stakeMinor,
      houseScope: pending.houseScope,
      roundId: pending.roundId,
      calcVer: pending.calcVer,
      idempotencyScope: ledgerScope(pending.playerId),
      idempotencyKey: ledgerKeys.debit(pending.idempotencyKey),
    });
  } catch (error) {
    // Otherwise the debit may have committed: the round stays OPEN and the timeout job voids and refunds it.
    if (isDefinitiveRefusal(error)) await abandonRound(deps, pending.roundId);
    throw error;
  }
};

const lostDecision = new Error("round already decided");

/**
 * The settle decision, in one short transaction: reserve the next nonce of the player's active seed pair (its
 * row lock orders this against rotation), resolve the outcome, record it on the still-undecided round and confirm
 * the bet's debit. Returns false if the round was decided otherwise first (the timeout job voided it); the
 * nonce reservation is then rolled back with everything else.
 */
export const decideInstantRound = async (deps: Deps, pending: PendingInstantRound, debitTxnId: string) => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await deps.db.prisma.$transaction(async (tx) => {
        const pair = await reserveNonce(tx, pending.playerId);
        const params = parseGameParams(pending.gameSlug, pending.params);
        const resolved = resolveOutcome(pending.gameSlug, params, pair, pending.stakeMinor);
        const decided = await decideRoundSettlement(tx, pending.roundId, 1, {
          seedPairId: pair.id,
          nonce: pair.nonce,
          outcome: asJsonColumn(resolved.outcome),
          result: resolved.result,
          totalPayoutMinor: resolved.payoutMinor,
          pendingBets: 0,
        });
        if (decided === 0) throw lostDecision;
        await confirmBetDebit(tx, pending.betId, debitTxnId);
        return true;
      });
    } catch (error) {
      if (error === lostDecision) return false;
      // The pair was rotated out between our read and the nonce reservation: use the new active pair.
      if (isRecordNotFound(error) && attempt === 0) {
        await ensureActiveSeedPair(deps, pending.playerId);
        continue;
      }
      throw error;
    }
  }
};

/** Debit → decide → pay and close. If the decision was lost to a void, our stake is refunded instead. */
export const playPendingRound = async (deps: Deps, pending: PendingInstantRound): Promise<RoundView> => {
  const debit = await takeInstantStake(deps, pending);
  await decideInstantRound(deps, pending, debit.txnId);
  return toRoundView(await completeDecidedRound(deps, pending.roundId));
};

/**
 * Plays one instant round (dice, roulette, limbo, mines as a whole round, fruit-five): validate, write the round
 * OPEN, take the stake, resolve from the player's seed pair, pay any win, close. A retry with the same key returns
 * the original round (and moves no money); the same key with another request is IDEMPOTENCY_KEY_REUSED.
 */
export const placeInstantBet = async (
  deps: Deps,
  rawInput: PlaceInstantBetInput,
): Promise<RoundView & { isReplay: boolean }> => {
  const input = parseInput(placeInstantBetInput, rawInput);
  const { hash } = requestOf(input);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const existing = await findRoundByKey(deps.db.prisma, input.playerId, input.idempotencyKey);
    if (existing) {
      const replayed = await replayRound(deps, existing, hash);
      if (replayed) return { ...replayed, isReplay: true };
      continue; // the original's stake was refused and its round removed: play afresh
    }
    const pending = await openInstantRound(deps, input);
    if (!pending) continue; // a concurrent request with this key wrote its round first: replay it
    return { ...(await playPendingRound(deps, pending)), isReplay: false };
  }
  throw new DomainError("CONFLICT", { message: "the round is busy; retry with the same key" });
};
