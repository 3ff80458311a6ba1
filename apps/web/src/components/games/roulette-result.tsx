"use client";

import type { PocketColor } from "@pitboss/api/client";
import { useT } from "~/i18n/client";
import { type Spot, spotOfResult } from "~/lib/roulette";
import { pocketColors } from "./roulette-colors";

export type RouletteOutcome = {
  pocket: number;
  color: PocketColor;
  bets: {
    type: string;
    numbers?: number[];
    dozen?: number;
    column?: number;
    stake: string;
    returned: string;
    isWin: boolean;
  }[];
  totalStake: string;
  totalReturned: string;
};

/** The spin's pocket and what each bet returned (stake included), as the engine settled them. */
export const RouletteResult = ({
  outcome,
  labelOf,
  money,
}: {
  outcome: RouletteOutcome;
  labelOf: (spot: Spot) => string;
  money: (minor: string) => string;
}) => {
  const t = useT("games");
  return (
    <section
      aria-labelledby="roulette-result-title"
      className="flex flex-col gap-3 rounded-lg bg-felt-900 p-3 ring-1 ring-felt-700"
      data-testid="roulette-result"
    >
      <div className="flex items-center gap-3">
        <span
          className={`grid size-12 shrink-0 place-items-center rounded-full font-bold text-white text-xl ring-2 ring-chip-400 ${pocketColors[outcome.color]}`}
          data-testid="roulette-pocket"
        >
          <bdi>{outcome.pocket}</bdi>
        </span>
        <h2 id="roulette-result-title" className="font-semibold">
          {t("roulette.landed", { pocket: outcome.pocket, color: t(`roulette.color.${outcome.color}`) })}
        </h2>
      </div>
      <table className="w-full text-sm">
        <thead className="text-muted text-xs">
          <tr>
            <th scope="col" className="py-1 text-start font-medium">
              {t("roulette.result.bet")}
            </th>
            <th scope="col" className="py-1 text-end font-medium">
              {t("roulette.result.stake")}
            </th>
            <th scope="col" className="py-1 text-end font-medium">
              {t("roulette.result.returned")}
            </th>
          </tr>
        </thead>
        <tbody>
          {outcome.bets.map((bet, index) => (
            <tr
              // biome-ignore lint/suspicious/noArrayIndexKey: the settled bets keep the order they were sent in
              key={index}
              className={`border-felt-700 border-t ${bet.isWin ? "text-emerald-300" : ""}`}
              data-testid="roulette-result-bet"
              data-win={bet.isWin}
            >
              <td className="py-1">{labelOf(spotOfResult(bet))}</td>
              <td className="py-1 text-end tabular-nums">
                <bdi>{money(bet.stake)}</bdi>
              </td>
              <td className="py-1 text-end tabular-nums">
                <bdi>{bet.isWin ? money(bet.returned) : "—"}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="font-semibold">
          <tr className="border-felt-700 border-t">
            <th scope="row" className="py-1 text-start">
              {t("roulette.result.total")}
            </th>
            <td className="py-1 text-end tabular-nums">
              <bdi>{money(outcome.totalStake)}</bdi>
            </td>
            <td className="py-1 text-end tabular-nums" data-testid="roulette-returned">
              <bdi>{money(outcome.totalReturned)}</bdi>
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
};
