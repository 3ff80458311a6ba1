"use client";

import { Badge, Card, DataTable, Notice, paymentStatusTone } from "@pitboss/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import { formatPaymentMoney } from "~/lib/payments";
import { useTRPC } from "~/trpc/react";
import {
  type DecisionMode,
  type DecisionTarget,
  WithdrawalActions,
  WithdrawalDecisionForm,
} from "./withdrawal-decision";

/** Withdrawals waiting for finance: above the auto-approval limit, or held with an unknown payout outcome. */
export const WithdrawalQueue = () => {
  const trpc = useTRPC();
  const queue = useQuery(trpc.admin.payments.queue.queryOptions(undefined, { refetchInterval: 15_000 }));
  const [open, setOpen] = useState<{ target: DecisionTarget; mode: DecisionMode } | null>(null);
  return (
    <div className="flex flex-col gap-4">
      <Card title={en.withdrawals.title}>
        <p className="mb-3 text-muted text-sm">{en.withdrawals.help}</p>
        {queue.error ? <Notice tone="danger">{errorMessage(queue.error)}</Notice> : null}
        <DataTable
          testId="withdrawal-queue"
          rows={queue.data ?? []}
          rowKey={(row) => row.id}
          rowTestId={(row) => `withdrawal-${row.id}`}
          empty={queue.isLoading ? en.common.loading : en.withdrawals.none}
          columns={[
            { key: "requested", header: en.withdrawals.requested, render: (row) => formatDateTime(row.createdAt) },
            {
              key: "player",
              header: en.payments.player,
              render: (row) => (
                <Link href={`/players/${row.playerId}`} className="text-chip-400 hover:underline">
                  {row.playerEmail}
                </Link>
              ),
            },
            {
              key: "amount",
              header: en.payments.amount,
              align: "end",
              render: (row) => formatPaymentMoney(row.amountMinor, row.currency),
            },
            {
              key: "method",
              header: en.payments.method,
              render: (row) =>
                `${en.payments.methods[row.method] ?? row.method}${row.provider ? ` · ${row.provider}` : ""}`,
            },
            {
              key: "status",
              header: en.payments.status,
              render: (row) => <Badge tone={paymentStatusTone(row.status)}>{en.payments.statuses[row.status]}</Badge>,
            },
            {
              key: "reason",
              header: en.payments.reason,
              render: (row) => (row.reasonCode ? <code className="text-xs">{row.reasonCode}</code> : ""),
            },
            {
              key: "id",
              header: en.payments.id,
              render: (row) => (
                <Link href={`/payments/${row.id}`} className="font-mono text-chip-400 text-xs hover:underline">
                  {row.id}
                </Link>
              ),
            },
            {
              key: "actions",
              header: en.withdrawals.actions,
              render: (row) => <WithdrawalActions target={row} onOpen={(mode) => setOpen({ target: row, mode })} />,
            },
          ]}
        />
      </Card>
      {open ? (
        <WithdrawalDecisionForm
          key={`${open.target.id}-${open.mode}`}
          target={open.target}
          mode={open.mode}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
};
