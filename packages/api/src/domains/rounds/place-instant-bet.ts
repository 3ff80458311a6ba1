import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { games, parseGameParams } from "../games/games";
import { winCreditCommand } from "../wallet/credit-player";
import { stakeDebitCommand } from "../wallet/debit-stake";
import { requestHash } from "../wallet/request-hash";
import { newAccountIds } from "../wallet/wallet.repo";
import { ensureActiveSeedPair } from "./get-seed-pair";
import { parseInput, withGameInput } from "./parse-input";
import { requireAllowedStake, requirePlayableGame, requirePlayerCurrency } from "./prepare-wager";
import { replayRound } from "./replay-round";
import { resolveOutcome } from "./round-lifecycle";
import { gameRoundRules, ledgerKeys, ledgerScope } from "./round-rules";
import { type RoundView, toJsonSafe } from "./round-view";
import { type CurrentPair, type InstantRoundRow, playInstantRound } from "./round-wallet.repo";
import { findRoundByKey } from "./rounds.repo";
import { type PlaceInstantBetInput, placeInstantBetInput } from "./rounds.schemas";

type Deps = ServiceDeps;
type Input = ReturnType<typeof placeInstantBetInput.parse>;

/**
 * How often a bet recomputes its outcome when another bet of the same player (or a rotation) took the nonce first.
 * Each failed attempt waits for the winner's commit on the pair's row lock, so N concurrent bets of one player
 * need at most N attempts.
 */
const NONCE_ATTEMPTS = 32;

const requestOf = (input: Input) => {
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

/** Every refusal, before anything is written: currency, game, parameters, stake limits, wager-time checks. */
const prepareInstantRound = async (deps: Deps, input: Input, params: ReturnType<typeof toJsonSafe>) => {
  await requirePlayerCurrency(deps, input.playerId, input.currency);
  const game = await requirePlayableGame(deps, input.game, input.currency);
  const slug = game.slug as keyof typeof games;
  const parsedParams = withGameInput(() => parseGameParams(slug, params));
  const paramsStake = games[slug].paramsStake(parsedParams as never);
  if (paramsStake !== null && paramsStake !== input.stakeMinor) {
    throw new DomainError("INVALID_INPUT", {
      message: "stakeMinor must equal the sum of the bets' stakes",
      meta: { issues: [`stakeMinor: expected ${paramsStake}`] },
    });
  }
  await requireAllowedStake(
    deps,
    { playerId: input.playerId, gameSlug: slug, currency: input.currency, stakeMinor: input.stakeMinor },
    game.limit,
  );
  return { game, slug, parsedParams };
};

/** The round as the player sees it, from what was just written (no re-read: the statement wrote exactly this). */
const viewOfPlayed = (
  round: InstantRoundRow,
  slug: string,
  pair: { serverSeedHash: string; clientSeed: string },
  betId: string,
): RoundView => ({
  id: round.id,
  game: slug,
  calcVer: round.calcVer,
  status: "SETTLED",
  result: round.result,
  voidReason: null,
  currency: round.currency,
  stakeMinor: round.stakeMinor,
  payoutMinor: round.payoutMinor,
  params: round.params,
  outcome: round.outcome,
  // The pair is still the active one: its seed stays secret until the player rotates it.
  fairness: {
    seedPairId: round.seedPairId,
    serverSeedHash: pair.serverSeedHash,
    serverSeed: null,
    clientSeed: pair.clientSeed,
    nonce: round.nonce,
  },
  bets: [{ id: betId, stakeMinor: round.stakeMinor, createdAt: round.createdAt, isRefunded: false }],
  createdAt: round.createdAt,
  settledAt: round.settledAt,
});

/**
 * Plays one instant round (dice, roulette, limbo, mines as a whole round, fruit-five) in one request and one
 * database transaction. Every refusal happens first, before anything is written. Then the outcome is resolved from
 * the player's active seed pair at its next nonce, and `round_play_instant` takes that nonce (only if it is still
 * the next one), writes the round SETTLED with its bet, debits the stake and pays any win: all of it or nothing.
 * If another bet or a rotation took the nonce first, nothing was written and the outcome is resolved again from
 * the pair as it is now. A retry with the same key returns the original round and moves no money; the same key
 * with another request is IDEMPOTENCY_KEY_REUSED.
 */
export const placeInstantBet = async (
  deps: Deps,
  rawInput: PlaceInstantBetInput,
): Promise<RoundView & { isReplay: boolean }> => {
  const input = parseInput(placeInstantBetInput, rawInput);
  const { params, hash } = requestOf(input);
  const replay = async () => {
    const existing = await findRoundByKey(deps.db.prisma, input.playerId, input.idempotencyKey);
    return existing ? { ...replayRound(existing, hash), isReplay: true } : null;
  };
  const replayed = await replay();
  if (replayed) return replayed;

  const { game, slug, parsedParams } = await prepareInstantRound(deps, input, params);
  const definition = games[slug];
  const roundId = deps.newId("round");
  const betId = deps.newId("bet");
  const scope = ledgerScope(input.playerId);
  const debit = stakeDebitCommand(deps, {
    playerId: input.playerId,
    currency: input.currency,
    amountMinor: input.stakeMinor,
    houseScope: game.provider,
    roundId,
    calcVer: definition.calcVer,
    idempotencyScope: scope,
    idempotencyKey: ledgerKeys.debit(input.idempotencyKey),
  });

  let current: CurrentPair = null;
  for (let attempt = 0; attempt < NONCE_ATTEMPTS; attempt += 1) {
    const pair = current ?? (await ensureActiveSeedPair(deps, input.playerId));
    const resolved = resolveOutcome(slug, parsedParams, { ...pair, nonce: pair.nextNonce }, input.stakeMinor);
    const win =
      resolved.payoutMinor > 0n
        ? winCreditCommand(deps, {
            playerId: input.playerId,
            currency: input.currency,
            amountMinor: resolved.payoutMinor,
            sourceTxnId: debit.txn.id,
            houseScope: game.provider,
            roundId,
            calcVer: definition.calcVer,
            idempotencyScope: scope,
            idempotencyKey: ledgerKeys.win(roundId),
          })
        : null;
    const now = deps.now();
    const round: InstantRoundRow = {
      id: roundId,
      playerId: input.playerId,
      gameId: game.id,
      houseScope: game.provider,
      currency: input.currency,
      calcVer: definition.calcVer,
      status: "SETTLED",
      result: resolved.result,
      stakeMinor: input.stakeMinor,
      payoutMinor: resolved.payoutMinor,
      seedPairId: pair.id,
      nonce: pair.nextNonce,
      params,
      outcome: toJsonSafe(resolved.outcome),
      idempotencyKey: input.idempotencyKey,
      requestHash: hash,
      winTxnId: win?.txn.id ?? null,
      timeoutAt: new Date(now.getTime() + gameRoundRules[slug].timeoutMs),
      createdAt: now,
      settledAt: now,
    };
    const played = await playInstantRound(deps.db, round, betId, debit, win, newAccountIds(deps.newId, 3));
    if (played.status === "PLAYED") return { ...viewOfPlayed(round, slug, pair, betId), isReplay: false };
    if (played.status === "NONCE_MOVED") current = played.pair;
    else {
      current = null;
      const original = await replay();
      if (original) return original;
    }
  }
  throw new DomainError("CONFLICT", { message: "the round is busy; retry with the same key" });
};
