import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { stakeDebitCommand } from "../wallet/debit-stake";
import { requestHash } from "../wallet/request-hash";
import { newAccountIds } from "../wallet/wallet.repo";
import { parseInput } from "./parse-input";
import { requireAllowedStake, requirePlayableGame } from "./prepare-wager";
import { completeDecidedRound, isOpenAndUndecided } from "./round-lifecycle";
import { DEBIT_CUTOFF_MS, ledgerKeys, ledgerScope } from "./round-rules";
import { type RoundView, toRoundView } from "./round-view";
import { placeRoundBet } from "./round-wallet.repo";
import { findBetByKey, findPlayerRound } from "./rounds.repo";
import { type PlaceBetCommand, placeBetCommand } from "./rounds.schemas";

type Deps = ServiceDeps;

const closedRound = () => new DomainError("CONFLICT", { message: "the round no longer takes bets" });

/** A retry of a bet: the round as it is now. A bet row only exists together with its debit, so nothing to wait for. */
const replayBet = async (deps: Deps, playerId: string, idempotencyKey: string, hash: string) => {
  const bet = await findBetByKey(deps.db.prisma, playerId, idempotencyKey);
  if (!bet) return null;
  if (bet.requestHash !== hash) {
    throw new DomainError("IDEMPOTENCY_KEY_REUSED", { message: "this idempotency key was used for another request" });
  }
  return toRoundView(await completeDecidedRound(deps, bet.roundId));
};

/**
 * Adds a stake to an open multi-step round, before its first step. Every refusal happens first; then
 * `round_place_bet` adds the stake to the round, writes the bet and debits the wallet in one statement: all of it
 * or nothing. A retry with the same key returns the round and moves no money; the same key with another request is
 * IDEMPOTENCY_KEY_REUSED.
 */
export const placeBet = async (deps: Deps, rawInput: PlaceBetCommand): Promise<RoundView> => {
  const input = parseInput(placeBetCommand, rawInput);
  const hash = requestHash("round.bet", { roundId: input.roundId, stakeMinor: input.stakeMinor });
  const replayed = await replayBet(deps, input.playerId, input.idempotencyKey, hash);
  if (replayed) return replayed;

  const round = await findPlayerRound(deps.db.prisma, input.playerId, input.roundId);
  if (!round) throw new DomainError("NOT_FOUND", { message: "round not found" });
  if (!isOpenAndUndecided(round) || round.nonce === null) throw closedRound();
  // A bet must land well before the timeout job may void the round (checked again, atomically, by the statement).
  const openUntil = new Date(deps.now().getTime() + DEBIT_CUTOFF_MS);
  if (openUntil.getTime() >= round.timeoutAt.getTime()) throw closedRound();
  const game = await requirePlayableGame(deps, round.game.slug, round.currency);
  await requireAllowedStake(
    deps,
    { playerId: input.playerId, gameSlug: game.slug, currency: round.currency, stakeMinor: input.stakeMinor },
    game.limit,
  );

  const debit = stakeDebitCommand(deps, {
    playerId: input.playerId,
    currency: round.currency,
    amountMinor: input.stakeMinor,
    houseScope: game.provider,
    roundId: round.id,
    calcVer: round.calcVer,
    idempotencyScope: ledgerScope(input.playerId),
    idempotencyKey: ledgerKeys.debit(input.idempotencyKey),
  });
  const bet = {
    id: deps.newId("bet"),
    roundId: round.id,
    playerId: input.playerId,
    stakeMinor: input.stakeMinor,
    idempotencyKey: input.idempotencyKey,
    requestHash: hash,
    createdAt: deps.now(),
  };
  const placed = await placeRoundBet(deps.db, bet, openUntil, debit, newAccountIds(deps.newId, 3));
  if (placed.status === "CLOSED") throw closedRound();
  if (placed.status === "KEY_TAKEN") {
    // A concurrent request with this key placed the bet first.
    const original = await replayBet(deps, input.playerId, input.idempotencyKey, hash);
    if (!original) throw new DomainError("CONFLICT", { message: "the bet is being placed; retry with the same key" });
    return original;
  }
  return toRoundView(await completeDecidedRound(deps, round.id));
};
