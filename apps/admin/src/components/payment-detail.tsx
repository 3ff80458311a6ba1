"use client";

import { Badge, Card, DataTable, DescriptionList, Notice, paymentStatusTone } from "@pitboss/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import { useTRPC } from "~/trpc/react";
import { useFormatMoney } from "./money";
import { type DecisionMode, WithdrawalActions, WithdrawalDecisionForm } from "./withdrawal-decision";

const statusLabel = (status: string | null) => (status ? (en.payments.statuses[status] ?? status) : "—");

/** One payment: its header, every status change with reason and actor, and each webhook the provider sent. */
export const PaymentDetail = ({ paymentId }: { paymentId: string }) => {
  const trpc = useTRPC();
  const detail = useQuery(trpc.admin.payments.detail.queryOptions({ paymentId }));
  const [mode, setMode] = useState<DecisionMode | null>(null);
  const formatMoney = useFormatMoney();
  if (detail.error) return <Notice tone="danger">{errorMessage(detail.error)}</Notice>;
  if (!detail.data) return <p className="text-muted">{en.common.loading}</p>;
  const { payment, playerId, playerEmail, transitions, webhooks } = detail.data;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card
        title={
          <span className="flex flex-wrap items-center gap-2">
            {en.payments.directions[payment.direction]} {formatMoney(payment.amountMinor, payment.currency)}
            <Badge tone={paymentStatusTone(payment.status)} testId="payment-status">
              {statusLabel(payment.status)}
            </Badge>
          </span>
        }
      >
        <DescriptionList
          items={[
            { label: en.payments.id, value: <code className="text-xs">{payment.id}</code> },
            {
              label: en.payments.player,
              value: (
                <Link href={`/players/${playerId}`} className="text-chip-400 hover:underline">
                  {playerEmail}
                </Link>
              ),
            },
            { label: en.payments.method, value: en.payments.methods[payment.method] ?? payment.method },
            { label: en.payments.provider, value: payment.provider ?? "—" },
            { label: en.payments.fee, value: formatMoney(payment.feeMinor, payment.currency) },
            {
              label: en.payments.reason,
              value: payment.reasonCode ? <code className="text-xs">{payment.reasonCode}</code> : "—",
              testId: "payment-reason",
            },
            { label: en.payments.created, value: formatDateTime(payment.createdAt) },
            { label: en.payments.updated, value: formatDateTime(payment.updatedAt) },
          ]}
        />
        <div className="mt-3">
          <WithdrawalActions target={payment} onOpen={setMode} />
        </div>
      </Card>
      <div className="flex flex-col gap-4 lg:col-span-2">
        {mode ? <WithdrawalDecisionForm key={mode} target={payment} mode={mode} onClose={() => setMode(null)} /> : null}
        <Card title={en.payments.transitions}>
          <DataTable
            testId="payment-transitions"
            rows={transitions}
            rowKey={(row) => `${String(row.at)}-${row.to}`}
            empty={en.payments.noTransitions}
            columns={[
              { key: "at", header: en.payments.at, render: (row) => formatDateTime(row.at) },
              { key: "from", header: en.payments.from, render: (row) => statusLabel(row.from) },
              { key: "to", header: en.payments.to, render: (row) => statusLabel(row.to) },
              {
                key: "reason",
                header: en.payments.reason,
                render: (row) => (row.reasonCode ? <code className="text-xs">{row.reasonCode}</code> : ""),
              },
              { key: "actor", header: en.payments.actor, render: (row) => row.actor },
              { key: "note", header: en.payments.note, render: (row) => row.note ?? "" },
            ]}
          />
        </Card>
        <Card title={en.payments.webhooks}>
          <DataTable
            testId="payment-webhooks"
            rows={webhooks}
            rowKey={(row) => `${row.eventId}-${String(row.receivedAt)}`}
            empty={en.payments.noWebhooks}
            columns={[
              { key: "received", header: en.payments.received, render: (row) => formatDateTime(row.receivedAt) },
              {
                key: "type",
                header: en.payments.eventType,
                render: (row) => <code className="text-xs">{row.type}</code>,
              },
              {
                key: "signature",
                header: en.payments.signature,
                render: (row) => (
                  <Badge tone={row.signatureValid ? "success" : "danger"}>
                    {row.signatureValid ? en.payments.signatureValid : en.payments.signatureInvalid}
                  </Badge>
                ),
              },
              { key: "outcome", header: en.payments.outcome, render: (row) => row.outcome },
              { key: "deliveries", header: en.payments.deliveries, align: "end", render: (row) => row.deliveries },
              {
                key: "event",
                header: en.payments.eventId,
                render: (row) => <code className="text-muted text-xs">{row.eventId}</code>,
              },
            ]}
          />
        </Card>
      </div>
    </div>
  );
};
