"use client";

import { Button } from "@pitboss/ui";
import { useState } from "react";
import { useT } from "~/i18n/client";
import { parseStakeToMinor } from "~/lib/stake";
import { useMoney, usePlayer } from "../player-context";
import { ResultBanner } from "./result-banner";
import { StakeField } from "./stake-field";
import { usePlay } from "./use-play";

const reds = new Set([1, 3, 5, 7, 9, 12, 14, 16, 18, 19, 21, 23, 25, 27, 30, 32, 34, 36]);
const colorOf = (n: number) => (n === 0 ? "green" : reds.has(n) ? "red" : "black");

type Spot =
  | { type: "straight"; numbers: [number] }
  | { type: "dozen"; dozen: 1 | 2 | 3 }
  | { type: "column"; column: 1 | 2 | 3 }
  | { type: "red" | "black" | "odd" | "even" | "low" | "high" };

const keyOf = (spot: Spot) =>
  spot.type === "straight"
    ? `n${spot.numbers[0]}`
    : spot.type === "dozen"
      ? `d${spot.dozen}`
      : spot.type === "column"
        ? `c${spot.column}`
        : spot.type;

const cell =
  "relative grid min-h-10 place-items-center rounded text-sm font-semibold ring-1 ring-felt-700 focus-visible:outline-2 focus-visible:outline-chip-400";
const colors = { red: "bg-red-700 text-white", black: "bg-neutral-900 text-white", green: "bg-emerald-700 text-white" };

/** European roulette: tap numbers and outside bets to place the stake as a chip, then spin. */
export const RouletteGame = () => {
  const t = useT("games");
  const money = useMoney();
  const { player } = usePlayer();
  const [stake, setStake] = useState("1.00");
  const [bets, setBets] = useState<Map<string, { spot: Spot; stake: bigint }>>(new Map());
  const play = usePlay("roulette");
  const chip = parseStakeToMinor(stake, player?.currencyExponent ?? 2);
  const total = [...bets.values()].reduce((sum, bet) => sum + bet.stake, 0n);
  const outcome = play.data?.outcome as { pocket: number; color: string } | null | undefined;

  const place = (spot: Spot) => {
    if (!chip) return;
    setBets((current) => {
      const next = new Map(current);
      const key = keyOf(spot);
      next.set(key, { spot, stake: (current.get(key)?.stake ?? 0n) + chip });
      return next;
    });
  };
  const labelOf = (spot: Spot) =>
    spot.type === "straight"
      ? t("roulette.number", { n: spot.numbers[0] })
      : spot.type === "dozen"
        ? t("roulette.dozen", { n: spot.dozen })
        : spot.type === "column"
          ? t("roulette.column", { n: spot.column })
          : t(`roulette.${spot.type}`);
  const button = (spot: Spot, className: string, content: string | number) => {
    const placed = bets.get(keyOf(spot));
    return (
      <button
        type="button"
        className={`${cell} ${className}`}
        onClick={() => place(spot)}
        aria-label={placed ? `${labelOf(spot)}: ${money(placed.stake)}` : labelOf(spot)}
        data-testid={`roulette-${keyOf(spot)}`}
      >
        <span dir="ltr">{content}</span>
        {placed ? (
          <span
            className="absolute -end-1 -top-1 rounded-full bg-chip-400 px-1 text-[10px] text-felt-950"
            aria-hidden="true"
          >
            {money(placed.stake)}
          </span>
        ) : null}
      </button>
    );
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-3 gap-1" dir="ltr" data-testid="roulette-board">
        {button({ type: "straight", numbers: [0] }, `col-span-3 ${colors.green}`, 0)}
        {Array.from({ length: 36 }, (_, i) => i + 1).map((n) => (
          <div key={n} className="contents">
            {button({ type: "straight", numbers: [n] }, colors[colorOf(n) as "red" | "black"], n)}
          </div>
        ))}
        {([1, 2, 3] as const).map((column) => (
          <div key={`c${column}`} className="contents">
            {button({ type: "column", column }, "bg-felt-900 text-xs", t("roulette.columnShort", { n: column }))}
          </div>
        ))}
      </div>
      <div className="grid grid-cols-3 gap-1">
        {([1, 2, 3] as const).map((dozen) => (
          <div key={`d${dozen}`} className="contents">
            {button({ type: "dozen", dozen }, "bg-felt-900 text-xs", t("roulette.dozen", { n: dozen }))}
          </div>
        ))}
        {(["low", "even", "red", "black", "odd", "high"] as const).map((type) => (
          <div key={type} className="contents">
            {button(
              { type },
              type === "red" ? colors.red : type === "black" ? colors.black : "bg-felt-900 text-xs",
              t(`roulette.${type}`),
            )}
          </div>
        ))}
      </div>
      <StakeField value={stake} onChange={setStake} />
      <p className="text-sm" data-testid="roulette-total">
        {t("roulette.total", { amount: money(total) })}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" className="py-3" onClick={() => setBets(new Map())} disabled={bets.size === 0}>
          {t("roulette.clear")}
        </Button>
        <Button
          className="flex-1 py-3 text-base"
          isBusy={play.isPending}
          disabled={bets.size === 0}
          data-testid="play"
          onClick={() =>
            play.play(total, {
              bets: [...bets.values()].map(({ spot, stake: amount }) => ({ ...spot, stake: amount.toString() })),
            })
          }
        >
          {t("roulette.spin")}
        </Button>
      </div>
      <ResultBanner
        round={play.data}
        error={play.error}
        detail={
          outcome
            ? t("roulette.landed", { pocket: outcome.pocket, color: t(`roulette.color.${outcome.color}`) })
            : undefined
        }
      />
    </div>
  );
};
