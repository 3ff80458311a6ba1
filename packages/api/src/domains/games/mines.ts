/**
 * Mines. 5×5 grid (cells 0..24, row-major), 1..24 mines. House edge 1 %, RTP 99 % exactly at every cash-out point.
 *
 * Board: a partial Fisher–Yates shuffle as public verifiers run it — start from the cells [0, 1, …, 24]; for
 * i = 0 … mines−1 take the index floor(f_i · (25 − i)) (computed exactly from f_i's u32) of the remaining cells and
 * remove that cell; the removed cells are the mines, in draw order. One float per mine.
 * After k safe reveals the cash-out multiplier is 0.99 · C(25, k) / C(25 − mines, k), as the exact ratio
 * (99 · C(25, k)) / (100 · C(25 − mines, k)). Any fixed strategy survives k reveals with probability
 * C(25 − mines, k) / C(25, k), so P(cash out at k) · multiplier = 0.99 exactly.
 */
import { z } from "zod";
import { floatAt, uniformInt } from "./float-to-int";
import { assertMineCount, MINES_CELLS, MINES_MAX, MINES_MIN, minesMultiplier } from "./mines-multiplier";
import { payoutFor, type Ratio, ZERO_RATIO } from "./payout";

export { MINES_CELLS, MINES_MAX, MINES_MIN, minesMultiplier };

export const MINES_CALC_VER = "mines@1";

const cellSchema = z
  .int()
  .min(0)
  .max(MINES_CELLS - 1);

/**
 * A whole round: the mine count and the cells the player revealed, in order. The round ends at the first mine
 * (loss) or cashes out after the last pick (win); the rounds engine records picks as they happen and settles with
 * the full list, which is also what the verifier replays.
 */
export const minesParamsSchema = z
  .object({
    mines: z.int().min(MINES_MIN).max(MINES_MAX),
    picks: z
      .array(cellSchema)
      .min(1)
      .max(MINES_CELLS - MINES_MIN),
  })
  .strict()
  .superRefine(({ mines, picks }, ctx) => {
    if (new Set(picks).size !== picks.length) {
      ctx.addIssue({ code: "custom", path: ["picks"], message: "a cell can be picked only once" });
    }
    if (picks.length > MINES_CELLS - mines) {
      ctx.addIssue({ code: "custom", path: ["picks"], message: `at most ${MINES_CELLS - mines} safe cells exist` });
    }
  });

export type MinesParams = z.output<typeof minesParamsSchema>;

export type MinesOutcome = {
  mines: number;
  /** Mine cells in draw order. */
  minePositions: number[];
  /** Cells revealed safely, in order. */
  safeReveals: number[];
  /** The pick that hit a mine, or null when the player cashed out. */
  hitMine: number | null;
  isWin: boolean;
};

const assertCell = (cell: number): void => {
  if (!Number.isInteger(cell) || cell < 0 || cell >= MINES_CELLS) throw new RangeError("cell must be 0..24");
};

/** The mine cells (draw order) from the first `mines` floats. */
export const minePositions = (mines: number, floats: readonly number[]): number[] => {
  assertMineCount(mines);
  const remaining = Array.from({ length: MINES_CELLS }, (_, cell) => cell);
  const drawn: number[] = [];
  for (let i = 0; i < mines; i += 1) {
    const index = uniformInt(floatAt(floats, i), remaining.length);
    const [cell] = remaining.splice(index, 1);
    if (cell === undefined) throw new RangeError("shuffle index out of range");
    drawn.push(cell);
  }
  return drawn;
};

export type MinesReveal =
  | { kind: "mine"; cell: number; revealed: number[] }
  | { kind: "safe"; cell: number; revealed: number[]; multiplier: Ratio; isCleared: boolean };

/**
 * One step of play: reveal `cell` on a board whose mines are `mines` after the safe cells `revealed`.
 * Returns the new revealed list and, when safe, the cash-out multiplier now on offer and whether every safe cell
 * is open (the round must then cash out).
 */
export const revealCell = (mines: readonly number[], revealed: readonly number[], cell: number): MinesReveal => {
  assertCell(cell);
  assertMineCount(mines.length);
  if (revealed.includes(cell)) throw new RangeError(`cell ${cell} is already revealed`);
  if (revealed.some((r) => mines.includes(r))) throw new RangeError("a revealed cell holds a mine: the round is over");
  const next = [...revealed, cell];
  if (mines.includes(cell)) return { kind: "mine", cell, revealed: next };
  return {
    kind: "safe",
    cell,
    revealed: next,
    multiplier: minesMultiplier(mines.length, next.length),
    isCleared: next.length === MINES_CELLS - mines.length,
  };
};

/** Replays the picks in order on the board the floats define. */
export const resolveMines = (params: MinesParams, floats: readonly number[]): MinesOutcome => {
  const mines = minePositions(params.mines, floats);
  let revealed: number[] = [];
  for (const pick of params.picks) {
    const step = revealCell(mines, revealed, pick);
    if (step.kind === "mine") {
      return { mines: params.mines, minePositions: mines, safeReveals: revealed, hitMine: pick, isWin: false };
    }
    revealed = step.revealed;
  }
  return { mines: params.mines, minePositions: mines, safeReveals: revealed, hitMine: null, isWin: true };
};

export const minesRoundMultiplier = (outcome: MinesOutcome): Ratio =>
  outcome.isWin ? minesMultiplier(outcome.mines, outcome.safeReveals.length) : ZERO_RATIO;

export const minesPayout = (stake: bigint, outcome: MinesOutcome): bigint =>
  payoutFor(stake, minesRoundMultiplier(outcome));
