"use client";

import {
  Badge,
  Button,
  Card,
  Checkbox,
  DataTable,
  Notice,
  SelectField,
  TextAreaField,
  useRefetchAfterWrite,
} from "@pitboss/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import { settlementProviders } from "~/lib/payments";
import { useTRPC } from "~/trpc/react";
import { useCan } from "./me-context";
import { useFormatMoney } from "./money";

/** Import a provider's settlement report (pasted or from a file); the matcher flags differences, adjusts nothing. */
const SettlementImport = ({ onImported }: { onImported: (runId: string) => void }) => {
  const trpc = useTRPC();
  const refetchAfterWrite = useRefetchAfterWrite();
  const fileId = useId();
  const [provider, setProvider] = useState<string>(settlementProviders[0]);
  const [csv, setCsv] = useState("");
  const run = useMutation(
    trpc.admin.payments.importSettlement.mutationOptions({
      onSuccess: (result) => {
        void refetchAfterWrite(trpc.admin.payments.pathKey());
        onImported(result.runId);
      },
    }),
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    run.mutate({ provider, csv });
  };
  return (
    <Card title={en.reconciliation.importTitle}>
      <p className="mb-3 text-muted text-sm">{en.reconciliation.help}</p>
      <form onSubmit={onSubmit} className="flex flex-col gap-3" data-testid="settlement-import">
        <div className="flex flex-wrap items-end gap-3">
          <SelectField
            label={en.reconciliation.provider}
            value={provider}
            onChange={(event) => setProvider(event.target.value)}
            options={settlementProviders.map((code) => ({ value: code, label: code }))}
          />
          <div className="flex flex-col gap-1">
            <label htmlFor={fileId} className="font-medium text-muted text-xs uppercase tracking-wide">
              {en.reconciliation.file}
            </label>
            <input
              id={fileId}
              type="file"
              accept=".csv,text/csv,text/plain"
              className="text-sm file:me-2 file:rounded-md file:border-0 file:bg-felt-700 file:px-2 file:py-1 file:text-ink"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void file.text().then(setCsv);
              }}
            />
          </div>
        </div>
        <TextAreaField
          label={en.reconciliation.csv}
          hint={en.reconciliation.csvHint}
          value={csv}
          onChange={(event) => setCsv(event.target.value)}
          rows={6}
          spellCheck={false}
          className="font-mono"
        />
        {run.error ? <Notice tone="danger">{errorMessage(run.error)}</Notice> : null}
        {run.data ? (
          <Notice tone={run.data.flagged > 0 ? "warning" : "success"} testId="settlement-result">
            {format(en.reconciliation.result, {
              runId: run.data.runId,
              matched: run.data.matched,
              flagged: run.data.flagged,
            })}
          </Notice>
        ) : null}
        <span>
          <Button type="submit" isBusy={run.isPending} disabled={csv.trim() === ""}>
            {en.reconciliation.submit}
          </Button>
        </span>
      </form>
    </Card>
  );
};

const RunItems = ({ runId }: { runId: string }) => {
  const trpc = useTRPC();
  const formatMoney = useFormatMoney();
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const run = useQuery(trpc.admin.payments.reconciliationRun.queryOptions({ runId }));
  const items = (run.data?.items ?? []).filter((item) => !onlyFlagged || item.status === "FLAGGED");
  return (
    <Card title={format(en.reconciliation.items, { runId })}>
      {run.error ? <Notice tone="danger">{errorMessage(run.error)}</Notice> : null}
      <Checkbox
        className="mb-2"
        label={en.reconciliation.onlyFlagged}
        checked={onlyFlagged}
        onChange={(event) => setOnlyFlagged(event.target.checked)}
      />
      <DataTable
        testId="reconciliation-items"
        rows={items}
        rowKey={(row) => String(row.line)}
        empty={run.isLoading ? en.common.loading : en.reconciliation.noItems}
        columns={[
          { key: "line", header: en.reconciliation.line, align: "end", render: (row) => row.line },
          {
            key: "status",
            header: en.reconciliation.status,
            render: (row) => <Badge tone={row.status === "MATCHED" ? "success" : "warning"}>{row.status}</Badge>,
          },
          { key: "type", header: en.reconciliation.type, render: (row) => row.type },
          {
            key: "amount",
            header: en.reconciliation.amount,
            align: "end",
            render: (row) =>
              row.amountMinor === null || !row.currency ? "" : formatMoney(row.amountMinor, row.currency),
          },
          {
            key: "reference",
            header: en.reconciliation.providerReference,
            render: (row) => <code className="text-xs">{row.providerReference}</code>,
          },
          {
            key: "payment",
            header: en.reconciliation.payment,
            render: (row) =>
              row.paymentId ? (
                <Link href={`/payments/${row.paymentId}`} className="font-mono text-chip-400 text-xs hover:underline">
                  {row.paymentId}
                </Link>
              ) : (
                "—"
              ),
          },
          {
            key: "reason",
            header: en.reconciliation.reason,
            render: (row) => (row.reason ? <code className="text-xs">{row.reason}</code> : ""),
          },
        ]}
      />
    </Card>
  );
};

/** Settlement import (for those who may reconcile), the list of runs, and the items of the chosen run. */
export const Reconciliation = () => {
  const trpc = useTRPC();
  const can = useCan();
  const router = useRouter();
  const pathname = usePathname();
  const selected = useSearchParams().get("run");
  const runs = useQuery(trpc.admin.payments.reconciliationRuns.queryOptions());
  const show = (runId: string) => router.replace(`${pathname}?run=${encodeURIComponent(runId)}`);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-bold text-2xl">{en.reconciliation.title}</h1>
      {can("payments.reconcile") ? <SettlementImport onImported={show} /> : null}
      <Card title={en.reconciliation.runs}>
        {runs.error ? <Notice tone="danger">{errorMessage(runs.error)}</Notice> : null}
        <DataTable
          testId="reconciliation-runs"
          rows={runs.data ?? []}
          rowKey={(row) => row.runId}
          empty={runs.isLoading ? en.common.loading : en.reconciliation.noRuns}
          columns={[
            { key: "when", header: en.reconciliation.when, render: (row) => formatDateTime(row.createdAt) },
            { key: "provider", header: en.reconciliation.provider, render: (row) => row.provider },
            { key: "by", header: en.reconciliation.by, render: (row) => row.importedBy ?? "" },
            { key: "lines", header: en.reconciliation.lines, align: "end", render: (row) => row.lines },
            { key: "matched", header: en.reconciliation.matched, align: "end", render: (row) => row.matched },
            {
              key: "flagged",
              header: en.reconciliation.flagged,
              align: "end",
              render: (row) => (row.flagged > 0 ? <Badge tone="warning">{row.flagged}</Badge> : row.flagged),
            },
            {
              key: "open",
              header: en.reconciliation.run,
              render: (row) => (
                <Button
                  size="sm"
                  variant={selected === row.runId ? "primary" : "secondary"}
                  aria-pressed={selected === row.runId}
                  onClick={() => show(row.runId)}
                >
                  {en.reconciliation.open}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {selected ? <RunItems key={selected} runId={selected} /> : null}
    </div>
  );
};
