"use client";

import { formatMinor } from "~/lib/money";
import { useMe } from "./me-context";

/**
 * Formats minor units with the currency exponents the server sends with `me`, so the back office keeps no table of its
 * own that could drift from the `currency` table; a code the server does not list is shown with 2 decimals.
 */
export const useFormatMoney = () => {
  const { currencyExponents } = useMe();
  return (amountMinor: bigint, currency: string) =>
    formatMinor(amountMinor, currency, currencyExponents[currency] ?? 2);
};

/** An amount as text, for cell renderers defined outside a component (the shared payment columns). */
export const Money = ({ amountMinor, currency }: { amountMinor: bigint; currency: string }) =>
  useFormatMoney()(amountMinor, currency);
