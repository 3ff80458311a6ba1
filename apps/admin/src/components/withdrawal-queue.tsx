"use client";

import { Card, DataTable, Notice } from "@pitboss/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import { useTRPC } from "~/trpc/react";
import { paymentColumns } from "./payment-columns";
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
            paymentColumns.player,
            paymentColumns.amount,
            paymentColumns.method,
            paymentColumns.status,
            paymentColumns.reason,
            paymentColumns.id,
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
