"use client";

import { Button, Card, DataTable, Notice, SelectField, TextField } from "@pitboss/ui";
import { useQueries } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import type { PaymentSearchInput } from "~/lib/payments";
import { useTRPC } from "~/trpc/react";
import { paymentColumns } from "./payment-columns";

/** Payments by id, provider id or player email, filtered by status and direction; the filters live in the URL. */
export const PaymentSearch = () => {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  // Values come from the URL as typed; the server validates them (an unknown status is INVALID_INPUT).
  const filters = {
    ...(params.get("q") ? { query: params.get("q") ?? "" } : {}),
    ...(params.get("status") ? { status: params.get("status") as PaymentSearchInput["status"] } : {}),
    ...(params.get("direction") ? { direction: params.get("direction") as PaymentSearchInput["direction"] } : {}),
  };
  // One query per loaded page: the API takes exactly its own fields (its `direction` is the payment's).
  const [pageCursors, setPageCursors] = useState<{ key: string; cursors: string[] }>({ key: "", cursors: [] });
  const filterKey = JSON.stringify(filters);
  const cursors = pageCursors.key === filterKey ? pageCursors.cursors : [];
  const pages = useQueries({
    queries: [undefined, ...cursors].map((cursor) =>
      trpc.admin.payments.search.queryOptions({ ...filters, ...(cursor ? { cursor } : {}) }),
    ),
  });
  const rows = pages.flatMap((page) => page.data?.items ?? []);
  const nextCursor = pages.at(-1)?.data?.nextCursor ?? null;
  const isLoading = pages.some((page) => page.isPending);
  const error = pages.find((page) => page.error)?.error;

  return (
    <Card title={en.payments.title}>
      <form
        className="mb-3 flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          for (const [name, value] of form.entries()) if (String(value).trim()) next.set(name, String(value).trim());
          router.replace(next.size > 0 ? `${pathname}?${next}` : pathname);
        }}
      >
        <TextField
          name="q"
          type="search"
          label={en.payments.search}
          defaultValue={filters.query ?? ""}
          fieldClassName="min-w-64 grow"
        />
        <SelectField
          name="status"
          label={en.payments.status}
          defaultValue={filters.status ?? ""}
          options={[
            { value: "", label: en.payments.any },
            ...Object.entries(en.payments.statuses).map(([value, label]) => ({ value, label })),
          ]}
        />
        <SelectField
          name="direction"
          label={en.payments.direction}
          defaultValue={filters.direction ?? ""}
          options={[
            { value: "", label: en.payments.any },
            ...Object.entries(en.payments.directions).map(([value, label]) => ({ value, label })),
          ]}
        />
        <Button type="submit">{en.payments.submit}</Button>
      </form>
      {error ? <Notice tone="danger">{errorMessage(error)}</Notice> : null}
      <DataTable
        testId="payment-results"
        rows={rows}
        rowKey={(row) => row.id}
        rowTestId={(row) => `payment-${row.id}`}
        empty={isLoading ? en.common.loading : en.payments.none}
        columns={[
          { key: "created", header: en.payments.created, render: (row) => formatDateTime(row.createdAt) },
          paymentColumns.player,
          { key: "direction", header: en.payments.direction, render: (row) => en.payments.directions[row.direction] },
          paymentColumns.method,
          paymentColumns.amount,
          paymentColumns.status,
          paymentColumns.reason,
          paymentColumns.id,
        ]}
      />
      {nextCursor ? (
        <Button
          className="mt-3"
          variant="secondary"
          isBusy={isLoading}
          onClick={() => setPageCursors({ key: filterKey, cursors: [...cursors, nextCursor] })}
        >
          {en.payments.more}
        </Button>
      ) : null}
    </Card>
  );
};
