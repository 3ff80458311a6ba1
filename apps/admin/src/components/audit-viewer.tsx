"use client";

import { Badge, Button, Card, DataTable, Notice, SelectField, TextField } from "@pitboss/ui";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import { useTRPC } from "~/trpc/react";
import { useCan } from "./me-context";

type Filters = {
  actorId?: string;
  targetId?: string;
  action?: string;
  outcome?: "SUCCESS" | "DENIED";
  from?: Date;
  to?: Date;
};

const filtersFrom = (form: HTMLFormElement): Filters => {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "").trim() || undefined;
  const date = (name: string) => (text(name) ? new Date(`${text(name)}Z`) : undefined);
  const outcome = text("outcome");
  return {
    actorId: text("actorId"),
    targetId: text("targetId"),
    action: text("action"),
    outcome: outcome === "SUCCESS" || outcome === "DENIED" ? outcome : undefined,
    from: date("from"),
    to: date("to"),
  };
};

/** The audit trail: filters, pages of 50, CSV export of the filtered rows, and the chain verifier. */
export const AuditViewer = () => {
  const trpc = useTRPC();
  const can = useCan();
  const [filters, setFilters] = useState<Filters>({});
  const rows = useInfiniteQuery(
    trpc.admin.audit.list.infiniteQueryOptions(filters, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const verify = useQuery(trpc.admin.audit.verify.queryOptions(undefined, { enabled: false, gcTime: 0 }));
  const exportCsv = useMutation(
    trpc.admin.audit.export.mutationOptions({
      onSuccess: ({ csv, filename }) => {
        const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
        const link = Object.assign(document.createElement("a"), { href: url, download: filename });
        link.click();
        URL.revokeObjectURL(url);
      },
    }),
  );
  const items = rows.data?.pages.flatMap((page) => page.items) ?? [];
  const result = verify.data;
  return (
    <Card title={en.audit.title}>
      <form
        className="mb-3 grid gap-2 sm:grid-cols-3 lg:grid-cols-7"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(filtersFrom(event.currentTarget));
        }}
      >
        <TextField label={en.audit.actorId} name="actorId" />
        <TextField label={en.audit.targetId} name="targetId" />
        <TextField label={en.audit.action} name="action" />
        <SelectField
          label={en.audit.outcome}
          name="outcome"
          options={[
            { value: "", label: en.audit.any },
            { value: "SUCCESS", label: "SUCCESS" },
            { value: "DENIED", label: "DENIED" },
          ]}
        />
        <TextField label={en.audit.from} name="from" type="datetime-local" />
        <TextField label={en.audit.to} name="to" type="datetime-local" />
        <div className="flex items-end gap-1">
          <Button type="submit">{en.audit.filter}</Button>
        </div>
      </form>
      <div className="mb-3 flex flex-wrap gap-2">
        <Button variant="secondary" isBusy={exportCsv.isPending} onClick={() => exportCsv.mutate(filters)}>
          {en.audit.exportCsv}
        </Button>
        {can("audit.verify") ? (
          <Button variant="secondary" isBusy={verify.isFetching} onClick={() => void verify.refetch()}>
            {en.audit.verify}
          </Button>
        ) : null}
      </div>
      {result ? (
        <div className="mb-3" data-testid="audit-verify-result">
          {result.isIntact ? (
            <Notice tone="success">{format(en.audit.intact, { count: result.checked })}</Notice>
          ) : (
            <Notice tone="danger">
              {format(en.audit.broken, {
                seq: String(result.firstBadSeq),
                id: result.firstBadId ?? "",
                reason: result.reason ? en.audit.reasons[result.reason] : "",
                count: result.checked,
              })}
            </Notice>
          )}
        </div>
      ) : null}
      {rows.error || verify.error || exportCsv.error ? (
        <Notice tone="danger">{errorMessage(rows.error ?? verify.error ?? exportCsv.error)}</Notice>
      ) : null}
      <DataTable
        testId="audit-rows"
        rows={items}
        rowKey={(row) => row.id}
        rowTestId={(row) => `audit-${row.action}`}
        empty={rows.isLoading ? en.common.loading : en.audit.none}
        columns={[
          { key: "seq", header: en.audit.seq, align: "end", render: (row) => row.seq.toString() },
          { key: "time", header: en.audit.time, render: (row) => formatDateTime(row.createdAt) },
          { key: "actor", header: en.audit.actor, render: (row) => `${row.actorType} ${row.actorId ?? ""}` },
          { key: "action", header: en.audit.action, render: (row) => <code className="text-xs">{row.action}</code> },
          {
            key: "outcome",
            header: en.audit.outcome,
            render: (row) => <Badge tone={row.outcome === "SUCCESS" ? "success" : "danger"}>{row.outcome}</Badge>,
          },
          {
            key: "target",
            header: en.audit.target,
            render: (row) => (row.targetId ? `${row.targetType ?? ""} ${row.targetId}` : ""),
          },
          {
            key: "details",
            header: en.audit.details,
            render: (row) => [row.errorCode, row.reason].filter(Boolean).join(" · "),
          },
          { key: "ip", header: en.audit.ip, render: (row) => row.ip ?? "" },
        ]}
      />
      {rows.hasNextPage ? (
        <Button
          variant="ghost"
          className="mt-2"
          isBusy={rows.isFetchingNextPage}
          onClick={() => void rows.fetchNextPage()}
        >
          {en.audit.more}
        </Button>
      ) : null}
    </Card>
  );
};
