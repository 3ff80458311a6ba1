"use client";

import { Button } from "@pitboss/ui";
import { useState } from "react";
import { useLocale, useT } from "~/i18n/client";
import { formatHundredths, formatPercent } from "~/lib/format";
import { parseStakeToMinor } from "~/lib/stake";
import { usePlayer } from "../player-context";
import { ResultBanner } from "./result-banner";
import { StakeField } from "./stake-field";
import { usePlay } from "./use-play";

const OUTCOMES = 10_001;

/** Dice: roll 0.00–100.00 over or under a target; the payout follows from the win chance (99 % RTP). */
export const DiceGame = () => {
  const t = useT("games");
  const { locale } = useLocale();
  const { player } = usePlayer();
  const [stake, setStake] = useState("1.00");
  const [direction, setDirection] = useState<"over" | "under">("over");
  const [target, setTarget] = useState(5000);
  const play = usePlay("dice");
  const winning = direction === "over" ? 10_000 - target : target;
  const isValid = winning >= 1 && winning <= 9800;
  const stakeMinor = parseStakeToMinor(stake, player?.currencyExponent ?? 2);
  const outcome = play.data?.outcome as { roll: number } | null | undefined;
  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex gap-2">
        <legend className="sr-only">{t("dice.direction")}</legend>
        {(["under", "over"] as const).map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={direction === value}
            onClick={() => setDirection(value)}
            className="flex-1 rounded-md px-3 py-2 ring-1 ring-felt-700 aria-pressed:bg-chip-500 aria-pressed:font-semibold aria-pressed:text-felt-950"
            data-testid={`dice-${value}`}
          >
            {t(`dice.${value}`)}
          </button>
        ))}
      </fieldset>
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted">
          {t("dice.target")}:{" "}
          <bdi className="font-semibold text-ink tabular-nums">{formatHundredths(target, locale)}</bdi>
        </span>
        <input
          type="range"
          min={100}
          max={9900}
          step={25}
          value={target}
          onChange={(event) => setTarget(Number(event.target.value))}
          className="accent-chip-500"
          data-testid="dice-target"
        />
      </label>
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <div>
          <dt className="text-muted">{t("dice.chance")}</dt>
          <dd className="font-semibold tabular-nums">{formatPercent(winning / OUTCOMES, locale)}</dd>
        </div>
        <div>
          <dt className="text-muted">{t("dice.payout")}</dt>
          <dd className="font-semibold tabular-nums">
            {t("multiplier", {
              value: new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format((0.99 * OUTCOMES) / winning),
            })}
          </dd>
        </div>
      </dl>
      <StakeField value={stake} onChange={setStake} />
      <Button
        className="py-3 text-base"
        isBusy={play.isPending}
        disabled={!isValid || stakeMinor === null}
        onClick={() => stakeMinor && play.play(stakeMinor, { direction, target })}
        data-testid="play"
      >
        {t("play")}
      </Button>
      <ResultBanner
        round={play.data}
        error={play.error}
        detail={outcome ? t("dice.rolled", { value: formatHundredths(outcome.roll, locale) }) : undefined}
      />
    </div>
  );
};
