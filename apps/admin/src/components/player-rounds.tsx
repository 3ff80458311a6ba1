"use client";

import { Badge, Card, DataTable, Notice } from "@pitboss/ui";
import { useQuery } from "@tanstack/react-query";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import { useTRPC } from "~/trpc/react";
import { useFormatMoney } from "./money";

const resultTone = (result: string | null) => (result === "WIN" ? "success" : result === "LOSE" ? "neutral" : "info");

/** The player's latest rounds: game, stake, payout, result and state, newest first. */
export const PlayerRounds = ({ playerId }: { playerId: string }) => {
  const trpc = useTRPC();
  const formatMoney = useFormatMoney();
  const rounds = useQuery(trpc.admin.player.rounds.queryOptions({ playerId }));
  const money = (amountMinor: bigint | null, currency: string) =>
    amountMinor === null ? "" : formatMoney(amountMinor, currency);
  return (
    <Card title={en.player.rounds} className="lg:col-span-2">
      {rounds.error ? <Notice tone="danger">{errorMessage(rounds.error)}</Notice> : null}
      <DataTable
        testId="player-rounds"
        rows={rounds.data ?? []}
        rowKey={(row) => row.id}
        empty={rounds.isLoading ? en.common.loading : en.player.noRounds}
        columns={[
          { key: "when", header: en.player.when, render: (row) => formatDateTime(row.createdAt) },
          { key: "game", header: en.player.game, render: (row) => row.game },
          {
            key: "stake",
            header: en.player.stake,
            align: "end",
            render: (row) => money(row.stakeMinor, row.currency),
          },
          {
            key: "payout",
            header: en.player.payout,
            align: "end",
            render: (row) => money(row.payoutMinor, row.currency),
          },
          {
            key: "result",
            header: en.player.result,
            render: (row) =>
              row.result ? <Badge tone={resultTone(row.result)}>{en.roundResults[row.result]}</Badge> : null,
          },
          { key: "status", header: en.player.roundStatus, render: (row) => en.roundStatuses[row.status] },
          {
            key: "id",
            header: en.player.roundId,
            render: (row) => <code className="text-muted text-xs">{row.id}</code>,
          },
        ]}
      />
    </Card>
  );
};
