"use client";

import { Badge, Button, Card, DataTable, Notice, TextField } from "@pitboss/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import { useTRPC } from "~/trpc/react";

export const statusTone = (status: string) =>
  status === "ACTIVE" ? "success" : status === "SUSPENDED" ? "warning" : "danger";

/** Search by email, id, name or phone; the query lives in the URL so back and forward keep results. */
export const PlayerSearch = () => {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const query = useSearchParams().get("q") ?? "";
  const results = useQuery(trpc.admin.player.search.queryOptions({ query }, { enabled: query.length > 0 }));
  return (
    <Card title={en.players.title}>
      <form
        className="mb-3 flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const q = String(new FormData(event.currentTarget).get("q")).trim();
          router.replace(q ? `${pathname}?q=${encodeURIComponent(q)}` : pathname);
        }}
      >
        <TextField
          id="player-search"
          name="q"
          label={en.players.search}
          hint={en.players.searchHint}
          defaultValue={query}
          autoFocus
          fieldClassName="grow"
          type="search"
        />
        <Button type="submit" className="mb-5">
          {en.players.submit}
        </Button>
      </form>
      {results.error ? <Notice tone="danger">{errorMessage(results.error)}</Notice> : null}
      {query ? (
        <DataTable
          testId="player-results"
          rows={results.data ?? []}
          rowKey={(row) => row.id}
          empty={results.isLoading ? en.common.loading : en.players.noResults}
          columns={[
            {
              key: "email",
              header: en.players.email,
              render: (row) => (
                <Link href={`/players/${row.id}`} className="text-chip-400 hover:underline">
                  {row.email}
                </Link>
              ),
            },
            { key: "name", header: en.players.name, render: (row) => row.displayName },
            { key: "phone", header: en.players.phone, render: (row) => row.phone ?? "" },
            { key: "country", header: en.players.country, render: (row) => row.country },
            { key: "currency", header: en.players.currency, render: (row) => row.currency },
            {
              key: "status",
              header: en.players.status,
              render: (row) => <Badge tone={statusTone(row.status)}>{en.statuses[row.status]}</Badge>,
            },
            { key: "joined", header: en.players.joined, render: (row) => formatDateTime(row.createdAt) },
            { key: "id", header: en.players.id, render: (row) => <code className="text-muted text-xs">{row.id}</code> },
          ]}
        />
      ) : null}
    </Card>
  );
};
