"use client";

import { createContext, type ReactNode, useContext } from "react";
import { useLocale } from "~/i18n/client";
import { formatMinor } from "~/lib/format";

export type PlayerSummary = {
  displayName: string;
  currency: string;
  currencyExponent: number;
  isEmailVerified: boolean;
};

type PlayerContext = { player: PlayerSummary | null; isDemo: boolean };

const Context = createContext<PlayerContext>({ player: null, isDemo: false });

/** Who is signed in (from the root layout) and whether demo features are on. */
export const PlayerProvider = ({ player, isDemo, children }: PlayerContext & { children: ReactNode }) => (
  <Context.Provider value={{ player, isDemo }}>{children}</Context.Provider>
);

export const usePlayer = () => useContext(Context);

/** Formats minor units of the player's currency in the current locale. */
export const useMoney = () => {
  const { player } = useContext(Context);
  const { locale } = useLocale();
  return (amountMinor: bigint | string, options: { signDisplay?: "auto" | "exceptZero"; currency?: string } = {}) =>
    formatMinor(
      amountMinor,
      options.currency ?? player?.currency ?? "EUR",
      player?.currencyExponent ?? 2,
      locale,
      options.signDisplay,
    );
};
