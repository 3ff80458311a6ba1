/**
 * The mines cash-out multiplier, apart from the rest of the game (no schema, no outcome drawing) so the player's
 * screen shows exactly what cashing out pays, from this very code.
 */
import type { Ratio } from "./payout";

export const MINES_CELLS = 25;
export const MINES_MIN = 1;
export const MINES_MAX = 24;

const binomial = (n: number, k: number): bigint => {
  if (k < 0 || k > n) return 0n;
  let result = 1n;
  for (let i = 0; i < k; i += 1) result = (result * BigInt(n - i)) / BigInt(i + 1);
  return result;
};

export const assertMineCount = (mines: number): void => {
  if (!Number.isInteger(mines) || mines < MINES_MIN || mines > MINES_MAX) throw new RangeError("mines must be 1..24");
};

/** 0.99 · C(25, k) / C(25 − mines, k) as (99 · C(25, k)) / (100 · C(25 − mines, k)), for 0 ≤ k ≤ 25 − mines. */
export const minesMultiplier = (mines: number, safeReveals: number): Ratio => {
  assertMineCount(mines);
  if (!Number.isInteger(safeReveals) || safeReveals < 0 || safeReveals > MINES_CELLS - mines) {
    throw new RangeError(`safe reveals must be 0..${MINES_CELLS - mines}`);
  }
  return {
    num: 99n * binomial(MINES_CELLS, safeReveals),
    den: 100n * binomial(MINES_CELLS - mines, safeReveals),
  };
};
