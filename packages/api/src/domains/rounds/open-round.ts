import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { games } from "../games/games";
import { requestHash } from "../wallet/request-hash";
import { isRecordNotFound, isUniqueViolation } from "./failure-kinds";
import { ensureActiveSeedPair } from "./get-seed-pair";
import { parseInput } from "./parse-input";
import { requirePlayableGame, requirePlayerCurrency } from "./prepare-wager";
import { gameRoundRules } from "./round-rules";
import { type RoundView, toRoundView } from "./round-view";
import { findRound, findRoundByKey, insertRound, reserveNonce } from "./rounds.repo";
import { type OpenRoundCommand, openRoundCommand } from "./rounds.schemas";

type Deps = ServiceDeps;

/**
 * Opens a multi-step round: its seed pair and nonce are fixed now (the outcome is committed before any choice
 * the player makes), stakes follow with `placeBet`, the result with `settleRound`. Idempotent by client key.
 */
export const openRound = async (deps: Deps, rawInput: OpenRoundCommand): Promise<RoundView> => {
  const input = parseInput(openRoundCommand, rawInput);
  const hash = requestHash("round.open", { game: input.game, currency: input.currency });
  const replay = async () => {
    const existing = await findRoundByKey(deps.db.prisma, input.playerId, input.idempotencyKey);
    if (!existing) return null;
    if (existing.requestHash !== hash) {
      throw new DomainError("IDEMPOTENCY_KEY_REUSED", { message: "this idempotency key was used for another request" });
    }
    return toRoundView(existing);
  };
  const replayed = await replay();
  if (replayed) return replayed;

  await requirePlayerCurrency(deps, input.playerId, input.currency);
  const game = await requirePlayableGame(deps, input.game, input.currency);
  const slug = game.slug as keyof typeof games;
  await ensureActiveSeedPair(deps, input.playerId);
  const now = deps.now();
  const roundId = deps.newId("round");
  for (let attempt = 0; ; attempt += 1) {
    try {
      await deps.db.prisma.$transaction(async (tx) => {
        const pair = await reserveNonce(tx, input.playerId);
        await insertRound(tx, {
          id: roundId,
          playerId: input.playerId,
          gameId: game.id,
          currency: input.currency,
          calcVer: games[slug].calcVer,
          seedPairId: pair.id,
          nonce: pair.nonce,
          params: {},
          idempotencyKey: input.idempotencyKey,
          requestHash: hash,
          timeoutAt: new Date(now.getTime() + gameRoundRules[slug].openRoundTimeoutMs),
          createdAt: now,
        });
      });
      break;
    } catch (error) {
      if (isUniqueViolation(error)) return (await replay()) ?? Promise.reject(error);
      if (isRecordNotFound(error) && attempt === 0) {
        await ensureActiveSeedPair(deps, input.playerId);
        continue;
      }
      throw error;
    }
  }
  const round = await findRound(deps.db.prisma, roundId);
  if (!round) throw new DomainError("INTERNAL", { message: `round ${roundId} vanished` });
  return toRoundView(round);
};
