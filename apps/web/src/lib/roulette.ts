/**
 * The European roulette table as the betting screen draws it: every bet spot, where it sits on the table and what
 * the engine expects for it. Numbers 1–36 in the standard 3-column layout (rows {1,2,3} … {34,35,36}); inside
 * bets other than straight-up must be real table shapes, as the engine checks: a split joins two adjacent numbers,
 * a street is a row, a corner a 2×2 block, a six line two adjacent rows.
 */
import { ROULETTE_RETURN } from "@pitboss/api/client";

export const insideBetTypes = ["straight", "split", "street", "corner", "line"] as const;
export type InsideBetType = (typeof insideBetTypes)[number];
export const evenMoneyBetTypes = ["low", "even", "red", "black", "odd", "high"] as const;
export type EvenMoneyBetType = (typeof evenMoneyBetTypes)[number];

export type Spot =
  | { type: InsideBetType; numbers: number[] }
  | { type: "dozen"; dozen: number }
  | { type: "column"; column: number }
  | { type: EvenMoneyBetType };

/** What a winning bet pays, to one (the stake comes back on top): the engine's return multiple minus one. */
export const paysToOne = Object.fromEntries(
  Object.entries(ROULETTE_RETURN).map(([type, multiple]) => [type, Number(multiple) - 1]),
) as Record<Spot["type"], number>;

/** 0-based row (street) and column of a number 1..36. */
const rowOf = (n: number) => Math.ceil(n / 3) - 1;
const columnOf = (n: number) => (n - 1) % 3;
const rowNumbers = (row: number) => [3 * row + 1, 3 * row + 2, 3 * row + 3];

/** A stable key per spot: the same spot twice is one bet with the stakes added up. */
export const spotKey = (spot: Spot): string =>
  "numbers" in spot
    ? `${spot.type}-${spot.numbers.join("-")}`
    : spot.type === "dozen"
      ? `dozen-${spot.dozen}`
      : spot.type === "column"
        ? `column-${spot.column}`
        : spot.type;

/**
 * An inside spot and its place on the number area: `x` in columns (0–3; −0.5 is the street gutter on the
 * table's outer edge), `y` in rows (0–12). A split or corner sits on the border it spans.
 */
export type PlacedSpot = { spot: Spot & { numbers: number[] }; x: number; y: number };

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

const buildInsideSpots = (): Record<InsideBetType, PlacedSpot[]> => {
  const numbers = range(36).map((i) => i + 1);
  const at = (type: InsideBetType, list: number[], x: number, y: number): PlacedSpot => ({
    spot: { type, numbers: list },
    x,
    y,
  });
  return {
    straight: numbers.map((n) => at("straight", [n], columnOf(n) + 0.5, rowOf(n) + 0.5)),
    split: numbers.flatMap((n) => [
      ...(columnOf(n) < 2 ? [at("split", [n, n + 1], columnOf(n) + 1, rowOf(n) + 0.5)] : []),
      ...(n + 3 <= 36 ? [at("split", [n, n + 3], columnOf(n) + 0.5, rowOf(n) + 1)] : []),
    ]),
    street: range(12).map((row) => at("street", rowNumbers(row), -0.5, row + 0.5)),
    corner: numbers.flatMap((n) =>
      columnOf(n) < 2 && n + 4 <= 36 ? [at("corner", [n, n + 1, n + 3, n + 4], columnOf(n) + 1, rowOf(n) + 1)] : [],
    ),
    line: range(11).map((row) => at("line", [...rowNumbers(row), ...rowNumbers(row + 1)], -0.5, row + 1)),
  };
};

/** Every inside spot of each type: 36 straights (zero is drawn apart), 57 splits, 12 streets, 22 corners, 11 lines. */
export const insideSpots = buildInsideSpots();

/** The engine's bet for a spot and its stake in minor units (sent as a decimal string). */
export const toEngineBet = (spot: Spot, stakeMinor: bigint) => ({ ...spot, stake: stakeMinor.toString() });

/** The spot a settled bet of the engine's outcome was placed on. */
export const spotOfResult = (bet: { type: string; numbers?: number[]; dozen?: number; column?: number }): Spot =>
  bet.numbers
    ? { type: bet.type as InsideBetType, numbers: bet.numbers }
    : bet.type === "dozen"
      ? { type: "dozen", dozen: bet.dozen ?? 0 }
      : bet.type === "column"
        ? { type: "column", column: bet.column ?? 0 }
        : { type: bet.type as EvenMoneyBetType };
