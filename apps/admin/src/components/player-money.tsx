"use client";

import { Card, DataTable, Notice } from "@pitboss/ui";
import { useQuery } from "@tanstack/react-query";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";
import { formatDateTime, formatMinor } from "~/lib/money";
import { useTRPC } from "~/trpc/react";
import { useFormatMoney } from "./money";

/** Balances by sub-account and the latest cash statement in the player's currency. */
export const PlayerMoney = ({ playerId, currency }: { playerId: string; currency: string }) => {
  const trpc = useTRPC();
  const formatMoney = useFormatMoney();
  const balances = useQuery(trpc.admin.player.balances.queryOptions({ playerId }));
  const statement = useQuery(trpc.admin.player.statement.queryOptions({ playerId, currency, limit: 20 }));
  return (
    <Card title={en.player.balances}>
      {balances.error ? <Notice tone="danger">{errorMessage(balances.error)}</Notice> : null}
      <DataTable
        testId="player-balances"
        rows={balances.data ?? []}
        rowKey={(row) => `${row.currency}:${row.type}:${row.scope}`}
        empty={balances.isLoading ? en.common.loading : en.player.noBalances}
        rowTestId={(row) => `balance-${row.currency}-${row.type}`}
        columns={[
          {
            key: "account",
            header: en.player.account,
            render: (row) => `${row.type}${row.scope ? ` · ${row.scope}` : ""}`,
          },
          {
            key: "balance",
            header: en.player.balance,
            align: "end",
            render: (row) => formatMinor(row.balanceMinor, row.currency, row.exponent),
          },
        ]}
      />
      <h3 className="mt-4 mb-2 font-medium text-muted text-xs uppercase tracking-wide">{en.player.statement}</h3>
      <DataTable
        testId="player-statement"
        rows={statement.data?.items ?? []}
        rowKey={(row) => row.postingId.toString()}
        empty={statement.isLoading ? en.common.loading : en.player.noStatement}
        columns={[
          { key: "when", header: en.player.when, render: (row) => formatDateTime(row.createdAt) },
          { key: "kind", header: en.player.kind, render: (row) => row.kind },
          {
            key: "amount",
            header: en.player.amount,
            align: "end",
            render: (row) => formatMoney(row.amountMinor, currency),
          },
          {
            key: "after",
            header: en.player.balanceAfter,
            align: "end",
            render: (row) => (row.balanceAfter === null ? "" : formatMoney(row.balanceAfter, currency)),
          },
        ]}
      />
    </Card>
  );
};
