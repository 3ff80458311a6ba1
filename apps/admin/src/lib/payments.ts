import type { AppRouter } from "@pitboss/api/client";
import type { inferRouterInputs } from "@trpc/server";
import { formatMinor } from "./money";

export type PaymentSearchInput = inferRouterInputs<AppRouter>["admin"]["payments"]["search"];

/** Minor-unit exponents of the currencies we hold (mirrors the `currency` table; unknown codes get 2). */
const exponents: Readonly<Record<string, number>> = { EUR: 2, USD: 2, GBP: 2, BRL: 2, TRY: 2, JPY: 0, BTC: 8, USDT: 6 };

export const formatPaymentMoney = (amountMinor: bigint, currency: string) =>
  formatMinor(amountMinor, currency, exponents[currency] ?? 2);

/** The sandbox instances our routing knows; settlement reports come from one of them. */
export const settlementProviders = ["cardpay", "cardplus", "instabank"] as const;
