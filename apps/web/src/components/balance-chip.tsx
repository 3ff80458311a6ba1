"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";
import { useMoney } from "./player-context";

/** The player's cash balance in the header; every bet and deposit invalidates it, so it is always current. */
export const BalanceChip = () => {
  const trpc = useTRPC();
  const t = useT("common");
  const money = useMoney();
  const summary = useQuery(trpc.wallet.summary.queryOptions());
  return (
    <a
      href="/wallet"
      className="rounded-full bg-felt-900 px-3 py-1 font-semibold text-chip-400 text-sm tabular-nums ring-1 ring-felt-700"
    >
      <span className="sr-only">{t("balance.label")}: </span>
      <bdi data-testid="balance">{summary.data ? money(summary.data.cashMinor) : "…"}</bdi>
    </a>
  );
};
