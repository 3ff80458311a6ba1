"use client";

import { Badge, Button, Card, DataTable, Notice, SelectField, useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { errorMessage } from "~/lib/errors";
import { formatDateTime, formatMinor } from "~/lib/money";
import type { AdjustmentView } from "~/lib/types";
import { useTRPC } from "~/trpc/react";
import { useCan } from "./me-context";

const statuses = ["PENDING", "EXECUTED", "REJECTED", "FAILED", "APPROVED"] as const;
const tone = (status: AdjustmentView["status"]) =>
  status === "EXECUTED" ? "success" : status === "PENDING" || status === "APPROVED" ? "warning" : "danger";

/** The adjustment queue: pending first by default; a second FINANCE or ADMIN user approves or rejects. */
export const AdjustmentQueue = () => {
  const trpc = useTRPC();
  const can = useCan();
  const refetchAfterWrite = useRefetchAfterWrite();
  const [status, setStatus] = useState<(typeof statuses)[number] | "">("PENDING");
  const list = useQuery(trpc.admin.adjustment.list.queryOptions(status ? { status } : {}));
  const refresh = () => refetchAfterWrite(trpc.admin.adjustment.list.queryKey());
  const approve = useMutation(trpc.admin.adjustment.approve.mutationOptions({ onSettled: refresh }));
  const reject = useMutation(trpc.admin.adjustment.reject.mutationOptions({ onSettled: refresh }));
  const error = list.error ?? approve.error ?? reject.error;
  return (
    <Card title={en.adjustments.title}>
      <div className="mb-3 max-w-xs">
        <SelectField
          label={en.adjustments.status}
          value={status}
          onChange={(event) => setStatus(event.target.value as typeof status)}
          options={[
            { value: "", label: en.adjustments.all },
            ...statuses.map((s) => ({ value: s, label: en.statuses[s] })),
          ]}
        />
      </div>
      {error ? <Notice tone="danger">{errorMessage(error)}</Notice> : null}
      <DataTable
        testId="adjustment-queue"
        rows={list.data ?? []}
        rowKey={(row) => row.id}
        rowTestId={(row) => `adjustment-${row.id}`}
        empty={list.isLoading ? en.common.loading : en.adjustments.none}
        columns={[
          { key: "requested", header: en.adjustments.requested, render: (row) => formatDateTime(row.requestedAt) },
          {
            key: "player",
            header: en.adjustments.player,
            render: (row) => (
              <Link href={`/players/${row.playerId}`} className="text-chip-400 hover:underline">
                {row.player.email}
              </Link>
            ),
          },
          {
            key: "amount",
            header: en.adjustments.amount,
            align: "end",
            render: (row) => formatMinor(row.amountMinor, row.currency, row.exponent),
          },
          { key: "reason", header: en.adjustments.reason, render: (row) => en.adjustmentReasons[row.reasonCode] },
          { key: "note", header: en.adjustments.note, render: (row) => row.note },
          { key: "requester", header: en.adjustments.requester, render: (row) => row.requester.displayName },
          {
            key: "status",
            header: en.adjustments.status,
            render: (row) => (
              <Badge tone={tone(row.status)}>
                {row.failureCode ? format(en.adjustments.failed, { code: row.failureCode }) : en.statuses[row.status]}
              </Badge>
            ),
          },
          { key: "decider", header: en.adjustments.decider, render: (row) => row.decider?.displayName ?? "" },
          {
            key: "actions",
            header: en.adjustments.actions,
            render: (row) =>
              row.status !== "PENDING" || !can("wallet.approve") ? null : row.canDecide ? (
                <span className="flex gap-1">
                  <Button size="sm" isBusy={approve.isPending} onClick={() => approve.mutate({ adjustmentId: row.id })}>
                    {en.adjustments.approve}
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    isBusy={reject.isPending}
                    onClick={() => reject.mutate({ adjustmentId: row.id })}
                  >
                    {en.adjustments.reject}
                  </Button>
                </span>
              ) : (
                <span className="text-muted text-xs">
                  {row.isOwnRequest ? en.adjustments.ownRequest : en.adjustments.linkedRequester}
                </span>
              ),
          },
        ]}
      />
    </Card>
  );
};
