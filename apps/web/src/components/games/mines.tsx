"use client";

import { Button } from "@pitboss/ui";
import { useState } from "react";
import { useT } from "~/i18n/client";
import { parseStakeToMinor } from "~/lib/stake";
import { usePlayer } from "../player-context";
import { ResultBanner } from "./result-banner";
import { StakeField } from "./stake-field";
import { usePlay } from "./use-play";

type Outcome = { minePositions: number[]; safeReveals: number[]; hitMine: number | null };

/** Mines: choose how many mines hide in 25 tiles and which tiles to open; cash out if none is a mine. */
export const MinesGame = () => {
  const t = useT("games");
  const { player } = usePlayer();
  const [stake, setStake] = useState("1.00");
  const [mines, setMines] = useState(3);
  const [picks, setPicks] = useState<number[]>([]);
  const play = usePlay("mines");
  const stakeMinor = parseStakeToMinor(stake, player?.currencyExponent ?? 2);
  const outcome = play.data?.outcome as Outcome | null | undefined;
  const toggle = (cell: number) => {
    play.reset();
    setPicks((current) =>
      current.includes(cell)
        ? current.filter((c) => c !== cell)
        : current.length < 25 - mines
          ? [...current, cell]
          : current,
    );
  };
  const stateOf = (cell: number) => {
    if (!outcome) return picks.includes(cell) ? "picked" : "hidden";
    if (outcome.hitMine === cell) return "hit";
    if (outcome.minePositions.includes(cell)) return "mine";
    return outcome.safeReveals.includes(cell) ? "safe" : "hidden";
  };
  const look = {
    hidden: "bg-felt-900",
    picked: "bg-chip-500/60",
    safe: "bg-emerald-600",
    mine: "bg-red-900",
    hit: "bg-red-600",
  } as const;
  return (
    <div className="flex flex-col gap-4">
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted">{t("mines.count")}</span>
        <select
          value={mines}
          onChange={(event) => {
            setMines(Number(event.target.value));
            setPicks([]);
          }}
          className="rounded-md border border-felt-700 bg-felt-950 px-2 py-2"
        >
          {Array.from({ length: 24 }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <p className="text-muted text-sm">{t("mines.pick", { count: picks.length })}</p>
      <div className="grid grid-cols-5 gap-1.5" dir="ltr">
        {Array.from({ length: 25 }, (_, cell) => {
          const state = stateOf(cell);
          return (
            <button
              // biome-ignore lint/suspicious/noArrayIndexKey: the 25 tiles are fixed positions
              key={cell}
              type="button"
              aria-pressed={picks.includes(cell)}
              aria-label={`${t("mines.tile", { n: cell + 1 })}${state === "mine" || state === "hit" ? ` · ${t("mines.mine")}` : state === "safe" ? ` · ${t("mines.safe")}` : ""}`}
              onClick={() => toggle(cell)}
              className={`aspect-square rounded-md ring-1 ring-felt-700 ${look[state]}`}
              data-testid={`mines-cell-${cell}`}
            >
              <span aria-hidden="true">{state === "hit" || state === "mine" ? "✹" : state === "safe" ? "◆" : ""}</span>
            </button>
          );
        })}
      </div>
      <StakeField value={stake} onChange={setStake} />
      <Button
        className="py-3 text-base"
        isBusy={play.isPending}
        disabled={picks.length === 0 || stakeMinor === null}
        onClick={() => stakeMinor && play.play(stakeMinor, { mines, picks })}
        data-testid="play"
      >
        {t("play")}
      </Button>
      <ResultBanner round={play.data} error={play.error} />
    </div>
  );
};
