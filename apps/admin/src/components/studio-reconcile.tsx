"use client";

import type { AppRouter } from "@pitboss/api/client";
import { Badge, Button, Card, DataTable, Notice, SelectField, TextAreaField } from "@pitboss/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { errorMessage } from "~/lib/errors";
import { formatMinor } from "~/lib/money";
import { useTRPC } from "~/trpc/react";
import { StudioTabs } from "./studio-tabs";

type Result = inferRouterOutputs<AppRouter>["admin"]["studios"]["reconcile"];
type Side = { amountMinor: bigint | null; currency: string | null; status: string } & (
  | { kind: string }
  | { type: string }
);

/** What one side says about a transaction: type, amount, status. */
const describe = (side: Side | undefined, exponents: Result["exponents"]) => {
  if (!side) return "—";
  const type = "kind" in side ? side.kind : side.type;
  const exponent = side.currency ? exponents[side.currency] : undefined;
  const amount =
    side.amountMinor !== null && side.currency && exponent !== undefined
      ? formatMinor(side.amountMinor, side.currency, exponent)
      : "";
  return [type, amount, side.status].filter(Boolean).join(" · ");
};

/** Upload a studio's transaction report; every mismatch with our records and ledger is listed, none adjusted. */
export const StudioReconcile = () => {
  const trpc = useTRPC();
  const fileId = useId();
  const providers = useQuery(trpc.admin.studios.provider.list.queryOptions());
  const [provider, setProvider] = useState("");
  const [reportFormat, setReportFormat] = useState<"csv" | "json">("csv");
  const [report, setReport] = useState("");
  const run = useMutation(trpc.admin.studios.reconcile.mutationOptions());
  const chosen = provider || providers.data?.[0]?.code || "";
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    run.mutate({ provider: chosen, format: reportFormat, report });
  };
  const result = run.data;
  const mismatches = (result?.mismatchedRounds ?? []).flatMap((round) =>
    round.mismatches.map((mismatch, index) => ({
      ...mismatch,
      round,
      key: `${round.playerId}:${round.roundId}:${index}`,
    })),
  );
  return (
    <>
      <StudioTabs />
      <Card title={en.studios.reconcileTitle}>
        <p className="mb-3 text-muted text-sm">{en.studios.reconcileHelp}</p>
        <form onSubmit={onSubmit} className="flex flex-col gap-3" data-testid="studio-reconcile">
          <div className="flex flex-wrap items-end gap-3">
            <SelectField
              label={en.studios.provider}
              value={chosen}
              onChange={(event) => setProvider(event.target.value)}
              options={(providers.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
            />
            <SelectField
              label={en.studios.format}
              value={reportFormat}
              onChange={(event) => setReportFormat(event.target.value as "csv" | "json")}
              options={[
                { value: "csv", label: "CSV" },
                { value: "json", label: "JSON" },
              ]}
            />
            <div className="flex flex-col gap-1">
              <label htmlFor={fileId} className="font-medium text-muted text-xs uppercase tracking-wide">
                {en.studios.file}
              </label>
              <input
                id={fileId}
                type="file"
                accept=".csv,.json,text/csv,application/json,text/plain"
                className="text-sm file:me-2 file:rounded-md file:border-0 file:bg-felt-700 file:px-2 file:py-1 file:text-ink"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (!file) return;
                  if (file.name.toLowerCase().endsWith(".json")) setReportFormat("json");
                  void file.text().then(setReport);
                }}
              />
            </div>
          </div>
          <TextAreaField
            label={en.studios.report}
            hint={en.studios.reportHint}
            value={report}
            onChange={(event) => setReport(event.target.value)}
            rows={6}
            spellCheck={false}
            className="font-mono"
          />
          {run.error ? <Notice tone="danger">{errorMessage(run.error)}</Notice> : null}
          <span>
            <Button type="submit" isBusy={run.isPending} disabled={!chosen || report.trim() === ""}>
              {en.studios.submit}
            </Button>
          </span>
        </form>
      </Card>
      {result ? (
        <Card title={en.studios.mismatches}>
          <Notice
            tone={mismatches.length > 0 || result.invalidRows.length > 0 ? "warning" : "success"}
            testId="reconcile-summary"
          >
            {format(en.studios.summary, {
              rounds: result.rounds,
              matched: result.matchedRounds,
              mismatched: result.mismatchedRounds.length,
              invalid: result.invalidRows.length,
            })}
          </Notice>
          <DataTable
            testId="reconcile-mismatches"
            rows={mismatches}
            rowKey={(row) => row.key}
            rowTestId={(row) => `mismatch-${row.transactionId}`}
            empty={en.studios.noMismatches}
            columns={[
              {
                key: "kind",
                header: en.studios.kind,
                render: (row) => <Badge tone="warning">{en.studios.kinds[row.kind] ?? row.kind}</Badge>,
              },
              {
                key: "transaction",
                header: en.studios.transaction,
                render: (row) => <code className="text-xs">{row.transactionId}</code>,
              },
              {
                key: "round",
                header: en.studios.round,
                render: (row) => <code className="text-xs">{row.round.roundId}</code>,
              },
              {
                key: "player",
                header: en.studios.player,
                render: (row) => (
                  <Link
                    href={`/players/${row.round.playerId}`}
                    className="font-mono text-chip-400 text-xs hover:underline"
                  >
                    {row.round.playerId}
                  </Link>
                ),
              },
              { key: "ours", header: en.studios.ours, render: (row) => describe(row.ours, result.exponents) },
              { key: "theirs", header: en.studios.theirs, render: (row) => describe(row.theirs, result.exponents) },
            ]}
          />
          {result.invalidRows.length > 0 ? (
            <div className="mt-3">
              <h3 className="mb-1 font-semibold text-sm">{en.studios.invalidRows}</h3>
              <DataTable
                testId="reconcile-invalid"
                rows={result.invalidRows}
                rowKey={(row) => String(row.line)}
                columns={[
                  { key: "line", header: en.studios.line, align: "end", render: (row) => row.line },
                  { key: "why", header: en.studios.why, render: (row) => row.reason },
                ]}
              />
            </div>
          ) : null}
        </Card>
      ) : null}
    </>
  );
};
