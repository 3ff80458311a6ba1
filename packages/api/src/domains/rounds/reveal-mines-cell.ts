import { DomainError, type Prisma } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { outcomeFloats } from "../games/fairness";
import { type MinesParams, minePositions, minesParamsSchema, revealCell } from "../games/mines";
import { parseInput } from "./parse-input";
import { completeDecided, completeDecidedRound, isOpenAndUndecided, resolveOutcome } from "./round-lifecycle";
import { asJsonColumn, type RoundView, toRoundView } from "./round-view";
import { findPlayerRound, recordRoundStep } from "./rounds.repo";
import { type RevealCellCommand, revealCellCommand } from "./rounds.schemas";

/** The mine count and safe cells a multi-step mines round has recorded so far; null before its first reveal. */
export const minesProgressOf = (params: unknown): MinesParams | null => {
  const parsed = minesParamsSchema.safeParse(params);
  return parsed.success ? parsed.data : null;
};

/**
 * One step of a multi-step mines round: opens `cell` on the board committed when the round opened (seed pair and
 * nonce fixed then, the mine count fixed by the first reveal). A safe cell is recorded and the round stays open at
 * the next multiplier; a mine, or the last safe cell, decides the round (lose, or cash out everything) at once.
 * Revealing a cell already open returns the round as it is, so a retry is harmless.
 */
export const revealMinesCell = async (deps: ServiceDeps, rawInput: RevealCellCommand): Promise<RoundView> => {
  const input = parseInput(revealCellCommand, rawInput);
  const round = await findPlayerRound(deps.db.prisma, input.playerId, input.roundId);
  if (!round) throw new DomainError("NOT_FOUND", { message: "round not found" });
  if (round.game.slug !== "mines") {
    throw new DomainError("INVALID_INPUT", { message: "only a mines round reveals cells" });
  }
  if (!isOpenAndUndecided(round)) return toRoundView(await completeDecided(deps, round));
  if (!round.seedPair || round.nonce === null) {
    // Multi-step rounds fix their seed pair and nonce when they open; a round without them has no outcome to reveal.
    throw new DomainError("CONFLICT", { message: "this round has no committed outcome" });
  }
  if (round.totalStakeMinor === 0n) throw new DomainError("CONFLICT", { message: "place a bet before revealing" });
  // Past its deadline the timeout job owns the round (it voids it); no step may race that decision.
  if (deps.now().getTime() >= round.timeoutAt.getTime()) {
    throw new DomainError("CONFLICT", { message: "the round has timed out" });
  }
  const progress = minesProgressOf(round.params);
  if (progress && progress.mines !== input.mines) {
    throw new DomainError("INVALID_INPUT", { message: `this round was started with ${progress.mines} mines` });
  }
  if (progress?.picks.includes(input.cell)) return toRoundView(round);

  const { serverSeed, clientSeed } = round.seedPair;
  const board = minePositions(input.mines, outcomeFloats(serverSeed, clientSeed, round.nonce, input.mines));
  const step = revealCell(board, progress?.picks ?? [], input.cell);
  const params: MinesParams = { mines: input.mines, picks: step.revealed };
  const isOver = step.kind === "mine" || step.isCleared;
  const decision = isOver
    ? resolveOutcome("mines", params, { serverSeed, clientSeed, nonce: round.nonce }, round.totalStakeMinor)
    : null;
  const recorded = await recordRoundStep(
    deps.db.prisma,
    round.id,
    { totalStakeMinor: round.totalStakeMinor, params: round.params as Prisma.InputJsonValue },
    decision
      ? {
          params,
          outcome: asJsonColumn(decision.outcome),
          result: decision.result,
          totalPayoutMinor: decision.payoutMinor,
        }
      : { params },
  );
  if (recorded === 0) {
    // Someone else moved the round on first: the same reveal retried is fine, anything else is a conflict.
    const now = await findPlayerRound(deps.db.prisma, input.playerId, input.roundId);
    if (now && (!isOpenAndUndecided(now) || minesProgressOf(now.params)?.picks.includes(input.cell))) {
      return toRoundView(await completeDecided(deps, now));
    }
    throw new DomainError("CONFLICT", { message: "the round changed meanwhile; load it again" });
  }
  return toRoundView(await completeDecidedRound(deps, round.id));
};
