"use client";

import { useT } from "~/i18n/client";
import { usePlayer } from "../player-context";

/** The stake in the player's currency, typed in major units; halve and double buttons as on every casino. */
export const StakeField = ({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  /** Another name for the amount (roulette's chip value); "Stake" by default. */
  label?: string;
}) => {
  const t = useT("games");
  const { player } = usePlayer();
  const exponent = player?.currencyExponent ?? 2;
  const scale = (factor: 0.5 | 2) => {
    const [whole = "0", fraction = ""] = value.replace(",", ".").split(".");
    const minor = BigInt((whole || "0") + fraction.padEnd(exponent, "0").slice(0, exponent));
    const next = factor === 2 ? minor * 2n : minor / 2n;
    const digits = next.toString().padStart(exponent + 1, "0");
    onChange(exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`);
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="stake" className="font-medium text-muted text-xs uppercase tracking-wide">
        {label ?? t("stake")} <span dir="ltr">({player?.currency})</span>
      </label>
      <div className="flex gap-1">
        <input
          id="stake"
          inputMode="decimal"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className="w-full min-w-0 rounded-md border border-felt-700 bg-felt-950 px-2 py-2 text-ink tabular-nums"
          data-testid="stake"
          dir="ltr"
        />
        <button
          type="button"
          className="rounded-md border border-felt-700 px-2 text-sm"
          onClick={() => scale(0.5)}
          // the name starts with the visible text (WCAG 2.5.3, label in name)
          aria-label={`${t("stakeHalfShort")} ${t("stakeHalf")}`}
        >
          {t("stakeHalfShort")}
        </button>
        <button
          type="button"
          className="rounded-md border border-felt-700 px-2 text-sm"
          onClick={() => scale(2)}
          aria-label={`${t("stakeDoubleShort")} ${t("stakeDouble")}`}
        >
          {t("stakeDoubleShort")}
        </button>
      </div>
    </div>
  );
};
