/**
 * The European roulette table as the betting screen draws it: every bet spot, where it sits on the table and what
 * the engine expects for it. Numbers 1–36 in the standard 3-column layout (rows {1,2,3} … {34,35,36}); which
 * shapes the split, street, corner and six-line bets may take is the engine's (SHAPED_BET_LAYOUTS), never
 * rebuilt here, so the board offers exactly the bets the engine accepts.
 */
import { columnOf, ROULETTE_RETURN, rowOf } from "@pitboss/api/client";

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

/** A stable key per spot: the same spot twice is one bet with the stakes added up. */
export const spotKey = (spot: Spot): string =>
  "numbers" in spot
    ? `${spot.type}-${spot.numbers.join("-")}`
    : spot.type === "dozen"
      ? `dozen-${spot.dozen}`
      : spot.type === "column"
        ? `column-${spot.column}`
        : spot.type;

/** A place on the number area: `x` in columns (0–3; −0.5 is the street gutter on the outer edge), `y` in rows. */
type SpotPosition = { x: number; y: number };

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Where the chip of a bet on these numbers lies: at the centre of their cells, so a split sits on the border it
 * spans and a corner on the crossing of four cells. A bet on whole rows (street, six line) covers all three columns,
 * so it goes in the gutter beside its rows instead, as on the felt. The geometry (which row and column a number
 * has) is the engine's.
 */
export const spotPositionOf = (numbers: readonly number[]): SpotPosition => {
  const columns = numbers.map(columnOf);
  return {
    x: new Set(columns).size === 3 ? -0.5 : mean(columns) - 0.5,
    y: mean(numbers.map(rowOf)) - 0.5,
  };
};

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
