"use client";

import { pocketColor, SHAPED_BET_LAYOUTS } from "@pitboss/api/client";
import type { CSSProperties, ReactNode } from "react";
import { useT } from "~/i18n/client";
import {
  type EvenMoneyBetType,
  evenMoneyBetTypes,
  type InsideBetType,
  type Spot,
  spotKey,
  spotPositionOf,
} from "~/lib/roulette";
import { pocketColors } from "./roulette-colors";

export type PlacedBets = ReadonlyMap<string, { spot: Spot; stake: bigint }>;

type Props = {
  /** Which inside bets the table offers on its borders now (straight-up: the numbers themselves). */
  mode: InsideBetType;
  bets: PlacedBets;
  onPlace: (spot: Spot) => void;
  labelOf: (spot: Spot) => string;
  money: (minor: bigint) => string;
  /** The last spin's pocket, highlighted on the table. */
  winning: number | null;
};

const cell =
  "relative grid min-h-12 place-items-center rounded-sm font-semibold text-sm text-white ring-1 ring-felt-700 focus-visible:z-20 focus-visible:outline-2 focus-visible:outline-chip-400";
const chip = "rounded-full bg-chip-400 px-1 text-[10px] text-felt-950 leading-4 whitespace-nowrap";

/** Where a bet on these numbers is drawn: columns of a third, rows of a twelfth; −0.5 is the street gutter. */
const positionStyleOf = (numbers: readonly number[]): CSSProperties => {
  const { x, y } = spotPositionOf(numbers);
  return { left: x < 0 ? "-1rem" : `${(x / 3) * 100}%`, top: `${(y / 12) * 100}%` };
};

/**
 * The European table, numbers in the standard 3-column layout (zero on top, as on a phone held upright), drawn left
 * to right in every language like the physical table. Numbers take straight-up bets; in the split, street, corner
 * and six-line modes the borders between numbers (or beside the rows) become bet spots, each a labelled button,
 * so every valid bet can be placed by pointer, touch or keyboard, and no invalid shape can be.
 */
export const RouletteBoard = ({ mode, bets, onPlace, labelOf, money, winning }: Props) => {
  const t = useT("games");
  const button = (
    spot: Spot,
    className: string,
    content: ReactNode,
    options: { isFocusable?: boolean; style?: CSSProperties } = {},
  ) => {
    const key = spotKey(spot);
    const placed = bets.get(key);
    return (
      <button
        key={key}
        type="button"
        className={className}
        onClick={() => onPlace(spot)}
        tabIndex={options.isFocusable === false ? -1 : undefined}
        style={options.style}
        aria-label={placed ? `${labelOf(spot)}: ${money(placed.stake)}` : labelOf(spot)}
        data-testid={`roulette-${key}`}
      >
        {content}
        {placed ? (
          <span className={`absolute -end-1 -top-1 z-10 ${chip}`} aria-hidden="true">
            {money(placed.stake)}
          </span>
        ) : null}
      </button>
    );
  };
  const number = (n: number, className = "") =>
    button(
      { type: "straight", numbers: [n] },
      `${cell} ${pocketColors[pocketColor(n)]} ${winning === n ? "z-10 ring-4 ring-chip-400" : ""} ${className}`,
      n,
      { isFocusable: mode === "straight" },
    );
  // Chips of inside bets placed in another mode stay visible where they lie on the table.
  const otherChips = [...bets.values()].flatMap(({ spot, stake }) => {
    if (!("numbers" in spot) || spot.type === "straight" || spot.type === mode) return [];
    return [
      <span
        key={spotKey(spot)}
        aria-hidden="true"
        className={`pointer-events-none absolute z-10 -translate-x-1/2 -translate-y-1/2 ${chip}`}
        style={positionStyleOf(spot.numbers)}
      >
        {money(stake)}
      </span>,
    ];
  });

  return (
    <div className="flex flex-col gap-1" dir="ltr" data-testid="roulette-board">
      <div className="ps-8">{number(0, "w-full")}</div>
      <div className="relative ms-8">
        <div className="grid grid-cols-3">{Array.from({ length: 36 }, (_, i) => number(i + 1))}</div>
        {mode === "straight"
          ? null
          : SHAPED_BET_LAYOUTS[mode].map((numbers) =>
              button(
                { type: mode, numbers: [...numbers] },
                "absolute z-10 grid size-6 -translate-x-1/2 -translate-y-1/2 place-items-center rounded-full bg-felt-950/50 ring-2 ring-chip-400 hover:bg-chip-400 focus-visible:z-20 focus-visible:outline-2 focus-visible:outline-white",
                null,
                { style: positionStyleOf(numbers) },
              ),
            )}
        {otherChips}
      </div>
      <div className="grid grid-cols-3 gap-1 ps-8">
        {[1, 2, 3].map((column) =>
          button({ type: "column", column }, `${cell} bg-felt-900 text-xs`, t("roulette.column", { n: column })),
        )}
      </div>
      <div className="grid grid-cols-3 gap-1 ps-8">
        {[1, 2, 3].map((dozen) =>
          button({ type: "dozen", dozen }, `${cell} bg-felt-900 text-xs`, t("roulette.dozen", { n: dozen })),
        )}
      </div>
      <div className="grid grid-cols-3 gap-1 ps-8 sm:grid-cols-6">
        {evenMoneyBetTypes.map((type: EvenMoneyBetType) =>
          button(
            { type },
            `${cell} text-xs ${type === "red" ? pocketColors.red : type === "black" ? pocketColors.black : "bg-felt-900"}`,
            t(`roulette.${type}`),
          ),
        )}
      </div>
    </div>
  );
};
