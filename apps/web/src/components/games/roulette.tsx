"use client";

import { Button } from "@pitboss/ui";
import { useState } from "react";
import { useLocale, useT } from "~/i18n/client";
import { type InsideBetType, insideBetTypes, paysToOne, type Spot, spotKey, toEngineBet } from "~/lib/roulette";
import { minorToInput, parseStakeToMinor } from "~/lib/stake";
import { useMoney, usePlayer } from "../player-context";
import { ResultBanner } from "./result-banner";
import { type PlacedBets, RouletteBoard } from "./roulette-board";
import { type RouletteOutcome, RouletteResult } from "./roulette-result";
import { StakeField } from "./stake-field";
import { usePlay } from "./use-play";

/** Quick chip values, in major units; a value the currency cannot express (½ yen) is left out. */
const chipPresets = ["0.5", "1", "5", "10", "25"];
const toggle =
  "rounded-md px-2 py-1.5 text-sm ring-1 ring-felt-700 aria-pressed:bg-chip-500 aria-pressed:font-semibold aria-pressed:text-felt-950";

/**
 * European roulette: choose a chip value, place chips on numbers, borders (split, street, corner, six line) and
 * outside bets, any number of them on one spin, then spin; the result lists what each bet returned.
 */
export const RouletteGame = () => {
  const t = useT("games");
  const { locale } = useLocale();
  const money = useMoney();
  const { player } = usePlayer();
  const exponent = player?.currencyExponent ?? 2;
  const [mode, setMode] = useState<InsideBetType>("straight");
  const [chip, setChip] = useState("1.00");
  const [bets, setBets] = useState<PlacedBets>(new Map());
  const play = usePlay("roulette");
  const chipMinor = parseStakeToMinor(chip, exponent);
  const total = [...bets.values()].reduce((sum, bet) => sum + bet.stake, 0n);
  const outcome = play.data?.outcome as RouletteOutcome | null | undefined;
  const numberFormat = new Intl.NumberFormat(locale);
  const list = new Intl.ListFormat(locale, { type: "conjunction" });

  const labelOf = (spot: Spot) =>
    "numbers" in spot
      ? spot.type === "straight"
        ? t("roulette.number", { n: spot.numbers[0] })
        : t(`roulette.bet.${spot.type}`, { numbers: list.format(spot.numbers.map((n) => numberFormat.format(n))) })
      : spot.type === "dozen"
        ? t("roulette.dozen", { n: spot.dozen })
        : spot.type === "column"
          ? t("roulette.column", { n: spot.column })
          : t(`roulette.${spot.type}`);
  const place = (spot: Spot) => {
    if (!chipMinor) return;
    play.reset();
    setBets((current) => {
      const next = new Map(current);
      const key = spotKey(spot);
      next.set(key, { spot, stake: (current.get(key)?.stake ?? 0n) + chipMinor });
      return next;
    });
  };
  const remove = (key: string) =>
    setBets((current) => {
      const next = new Map(current);
      next.delete(key);
      return next;
    });

  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium text-muted text-xs uppercase tracking-wide">
          {t("roulette.mode.label")}
        </legend>
        <div className="grid grid-cols-3 gap-1 sm:grid-cols-5">
          {insideBetTypes.map((type) => (
            <button
              key={type}
              type="button"
              aria-pressed={mode === type}
              onClick={() => setMode(type)}
              className={toggle}
              data-testid={`roulette-mode-${type}`}
            >
              {t(`roulette.mode.${type}`)}{" "}
              <span className="text-xs opacity-80" dir="ltr">
                {t("roulette.pays", { n: paysToOne[type] })}
              </span>
            </button>
          ))}
        </div>
        <p className="text-muted text-sm">{t(`roulette.hint.${mode}`)}</p>
      </fieldset>
      <RouletteBoard
        mode={mode}
        bets={bets}
        onPlace={place}
        labelOf={labelOf}
        money={money}
        winning={outcome?.pocket ?? null}
      />
      <div className="flex flex-col gap-2">
        <StakeField value={chip} onChange={setChip} label={t("roulette.chip")} />
        <fieldset className="flex flex-wrap gap-1">
          <legend className="sr-only">{t("roulette.chipPresets")}</legend>
          {chipPresets.flatMap((preset) => {
            const minor = parseStakeToMinor(preset, exponent);
            if (!minor) return [];
            return (
              <button
                key={preset}
                type="button"
                aria-pressed={minor === chipMinor}
                onClick={() => setChip(minorToInput(minor, exponent))}
                className={`${toggle} min-w-14 rounded-full`}
              >
                <bdi>{money(minor)}</bdi>
              </button>
            );
          })}
        </fieldset>
      </div>
      <section aria-labelledby="roulette-bets-title" className="flex flex-col gap-1">
        <h2 id="roulette-bets-title" className="font-semibold text-sm">
          {t("roulette.bets.title")}
        </h2>
        {bets.size === 0 ? <p className="text-muted text-sm">{t("roulette.bets.empty")}</p> : null}
        <ul className="flex flex-col gap-1 text-sm" data-testid="roulette-bets">
          {[...bets.entries()].map(([key, { spot, stake }]) => (
            <li key={key} className="flex items-center gap-2 rounded bg-felt-900 px-2 py-1">
              <span className="flex-1">{labelOf(spot)}</span>
              <bdi className="tabular-nums">{money(stake)}</bdi>
              <button
                type="button"
                onClick={() => remove(key)}
                aria-label={t("roulette.bets.remove", { bet: labelOf(spot) })}
                className="grid size-7 place-items-center rounded-full text-muted hover:bg-felt-700 hover:text-ink"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
        <p className="font-medium text-sm" data-testid="roulette-total">
          {t("roulette.total", { amount: money(total) })}
        </p>
      </section>
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
            play.play(total, { bets: [...bets.values()].map(({ spot, stake }) => toEngineBet(spot, stake)) })
          }
        >
          {t("roulette.spin")}
        </Button>
      </div>
      <ResultBanner round={play.data} error={play.error} />
      {outcome ? <RouletteResult outcome={outcome} labelOf={labelOf} money={(minor) => money(minor)} /> : null}
    </div>
  );
};
