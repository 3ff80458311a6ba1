"use client";

import { Button } from "@pitboss/ui";
import { useState } from "react";
import { useLocale, useT } from "~/i18n/client";
import { formatHundredths } from "~/lib/format";
import { parseStakeToMinor } from "~/lib/stake";
import { usePlayer } from "../player-context";
import { ResultBanner } from "./result-banner";
import { StakeField } from "./stake-field";
import { usePlay } from "./use-play";

/** Limbo: pick a target multiplier; win it when the drawn multiplier reaches it. */
export const LimboGame = () => {
  const t = useT("games");
  const { locale } = useLocale();
  const { player } = usePlayer();
  const [stake, setStake] = useState("1.00");
  const [target, setTarget] = useState("2.00");
  const play = usePlay("limbo");
  const targetHundredths = parseStakeToMinor(target, 2);
  const isValid = targetHundredths !== null && targetHundredths >= 101n && targetHundredths <= 100_000_000n;
  const stakeMinor = parseStakeToMinor(stake, player?.currencyExponent ?? 2);
  const outcome = play.data?.outcome as { result: number } | null | undefined;
  return (
    <div className="flex flex-col gap-4">
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted">{t("limbo.target")}</span>
        <input
          inputMode="decimal"
          dir="ltr"
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          className="rounded-md border border-felt-700 bg-felt-950 px-2 py-2 tabular-nums"
          data-testid="limbo-target"
        />
      </label>
      <StakeField value={stake} onChange={setStake} />
      <Button
        className="py-3 text-base"
        isBusy={play.isPending}
        disabled={!isValid || stakeMinor === null}
        onClick={() => stakeMinor && targetHundredths && play.play(stakeMinor, { target: Number(targetHundredths) })}
        data-testid="play"
      >
        {t("play")}
      </Button>
      <ResultBanner
        round={play.data}
        error={play.error}
        detail={outcome ? t("multiplier", { value: formatHundredths(outcome.result, locale) }) : undefined}
      />
    </div>
  );
};
