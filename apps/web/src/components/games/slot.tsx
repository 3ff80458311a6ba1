"use client";

import { Button } from "@pitboss/ui";
import { useState } from "react";
import { useT } from "~/i18n/client";
import { parseStakeToMinor } from "~/lib/stake";
import { usePlayer } from "../player-context";
import { ResultBanner } from "./result-banner";
import { StakeField } from "./stake-field";
import { usePlay } from "./use-play";

const glyph: Record<string, string> = {
  wild: "W",
  seven: "7",
  bell: "🔔",
  grape: "🍇",
  orange: "🍊",
  lemon: "🍋",
  cherry: "🍒",
  star: "★",
};

type Outcome = { grid: string[][]; lineWins: { line: number; symbol: string; count: number }[] };

/** Fruit Five: a 5×3 slot with 10 paylines and a scatter star. */
export const SlotGame = () => {
  const t = useT("games");
  const { player } = usePlayer();
  const [stake, setStake] = useState("1.00");
  const [lines, setLines] = useState(10);
  const play = usePlay("fruit-five");
  const stakeMinor = parseStakeToMinor(stake, player?.currencyExponent ?? 2);
  const outcome = play.data?.outcome as Outcome | null | undefined;
  const grid = outcome?.grid ?? Array.from({ length: 5 }, () => ["cherry", "seven", "lemon"]);
  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-5 gap-1 rounded-xl bg-felt-900 p-2" dir="ltr" data-testid="slot-grid">
        {grid.map((reel, r) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: reels are fixed positions
          <div key={r} className="flex flex-col gap-1">
            {reel.map((symbol, row) => (
              <div
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are fixed positions
                key={row}
                className="grid aspect-square place-items-center rounded bg-felt-950 text-2xl"
                role="img"
                aria-label={t(`slot.symbol.${symbol}`)}
              >
                {glyph[symbol] ?? symbol}
              </div>
            ))}
          </div>
        ))}
      </div>
      {outcome?.lineWins.length ? (
        <ul className="text-sm">
          {outcome.lineWins.map((win) => (
            <li key={win.line}>
              {t("slot.lineWin", { line: win.line, count: win.count, symbol: t(`slot.symbol.${win.symbol}`) })}
            </li>
          ))}
        </ul>
      ) : null}
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted">{t("slot.lines")}</span>
        <select
          value={lines}
          onChange={(event) => setLines(Number(event.target.value))}
          className="rounded-md border border-felt-700 bg-felt-950 px-2 py-2"
        >
          {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <StakeField value={stake} onChange={setStake} />
      <Button
        className="py-3 text-base"
        isBusy={play.isPending}
        disabled={stakeMinor === null}
        onClick={() => stakeMinor && play.play(stakeMinor, { lines })}
        data-testid="play"
      >
        {t("slot.spin")}
      </Button>
      <ResultBanner round={play.data} error={play.error} />
    </div>
  );
};
