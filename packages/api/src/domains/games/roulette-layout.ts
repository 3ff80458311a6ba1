/**
 * European roulette table geometry (single zero, standard 3-column layout).
 *
 * Rows are {1,2,3}, {4,5,6}, …, {34,35,36}; columns are the numbers ≡ 1, 2, 0 (mod 3).
 * Inside bets other than straight-up must be real table shapes:
 * - split: two horizontally (same row) or vertically (same column, adjacent rows) adjacent numbers;
 * - street: one row; corner: a 2×2 block; line: two adjacent rows.
 * Bets that include zero other than straight-up (0-1 split, trios, first four) are not offered.
 */

export const ROULETTE_POCKETS = 37;

export type PocketColor = "green" | "red" | "black";

export const RED_NUMBERS: ReadonlySet<number> = new Set([
  1, 3, 5, 7, 9, 12, 14, 16, 18, 19, 21, 23, 25, 27, 30, 32, 34, 36,
]);

export const pocketColor = (pocket: number): PocketColor =>
  pocket === 0 ? "green" : RED_NUMBERS.has(pocket) ? "red" : "black";

/** 1-based row (street) of a number 1..36. */
export const rowOf = (n: number): number => Math.ceil(n / 3);
/** 1-based column of a number 1..36. */
export const columnOf = (n: number): number => ((n - 1) % 3) + 1;

export type ShapedBetType = "split" | "street" | "corner" | "line";

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const rowNumbers = (row: number): number[] => [3 * row - 2, 3 * row - 1, 3 * row];

const buildLayouts = (): Record<ShapedBetType, readonly (readonly number[])[]> => {
  const split: number[][] = [];
  const corner: number[][] = [];
  for (const n of range(1, 36)) {
    if (columnOf(n) < 3) split.push([n, n + 1]);
    if (n + 3 <= 36) split.push([n, n + 3]);
    if (columnOf(n) < 3 && n + 4 <= 36) corner.push([n, n + 1, n + 3, n + 4]);
  }
  const street = range(1, 12).map(rowNumbers);
  const line = range(1, 11).map((row) => [...rowNumbers(row), ...rowNumbers(row + 1)]);
  return { split, street, corner, line };
};

/** Every valid number set for each shaped bet, each sorted ascending (57 splits, 12 streets, 22 corners, 11 lines). */
export const SHAPED_BET_LAYOUTS = buildLayouts();

export const SHAPED_BET_SIZE: Record<ShapedBetType, number> = { split: 2, street: 3, corner: 4, line: 6 };

const layoutKey = (numbers: readonly number[]): string => [...numbers].sort((a, b) => a - b).join("-");

const layoutKeys: Record<ShapedBetType, ReadonlySet<string>> = {
  split: new Set(SHAPED_BET_LAYOUTS.split.map(layoutKey)),
  street: new Set(SHAPED_BET_LAYOUTS.street.map(layoutKey)),
  corner: new Set(SHAPED_BET_LAYOUTS.corner.map(layoutKey)),
  line: new Set(SHAPED_BET_LAYOUTS.line.map(layoutKey)),
};

/** True when the numbers (any order, no repeats) form a real split/street/corner/line on the table. */
export const isTableLayout = (type: ShapedBetType, numbers: readonly number[]): boolean =>
  numbers.length === SHAPED_BET_SIZE[type] &&
  new Set(numbers).size === numbers.length &&
  layoutKeys[type].has(layoutKey(numbers));
