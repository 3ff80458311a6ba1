import type { AppRouter } from "@pitboss/api/client";
import type { inferRouterInputs } from "@trpc/server";

export type PaymentSearchInput = inferRouterInputs<AppRouter>["admin"]["payments"]["search"];

/** The sandbox instances our routing knows; settlement reports come from one of them. */
export const settlementProviders = ["cardpay", "cardplus", "instabank"] as const;
