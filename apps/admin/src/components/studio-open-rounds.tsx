"use client";

import { Button, Card, DataTable, Notice, SelectField, TextField } from "@pitboss/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";
import { formatDateTime, formatMinor } from "~/lib/money";
import { useTRPC } from "~/trpc/react";
import { StudioTabs } from "./studio-tabs";

/** Rounds the studios left open, oldest first, with what was staked and won in them so far. */
export const StudioOpenRounds = () => {
  const trpc = useTRPC();
  const providers = useQuery(trpc.admin.studios.provider.list.queryOptions());
  const [filter, setFilter] = useState({ provider: "", olderThanMinutes: 10 });
  const [draft, setDraft] = useState({ provider: "", olderThanMinutes: "10" });
  const rounds = useQuery(
    trpc.admin.studios.openRounds.queryOptions({
      ...(filter.provider ? { provider: filter.provider } : {}),
      olderThanMinutes: filter.olderThanMinutes,
    }),
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const minutes = Number(draft.olderThanMinutes);
    setFilter({ provider: draft.provider, olderThanMinutes: Number.isInteger(minutes) && minutes >= 0 ? minutes : 10 });
  };
  return (
    <>
      <StudioTabs />
      <Card title={en.studios.openRoundsTitle}>
        <p className="mb-3 text-muted text-sm">{en.studios.openRoundsHelp}</p>
        <form onSubmit={onSubmit} className="mb-3 flex flex-wrap items-end gap-3" data-testid="open-rounds-filter">
          <SelectField
            label={en.studios.provider}
            value={draft.provider}
            onChange={(event) => setDraft({ ...draft, provider: event.target.value })}
            options={[
              { value: "", label: en.studios.allProviders },
              ...(providers.data ?? []).map((p) => ({ value: p.code, label: p.name })),
            ]}
          />
          <TextField
            label={en.studios.olderThan}
            type="number"
            min={0}
            step={1}
            value={draft.olderThanMinutes}
            onChange={(event) => setDraft({ ...draft, olderThanMinutes: event.target.value })}
          />
          <Button type="submit">{en.studios.show}</Button>
        </form>
        {rounds.error ? <Notice tone="danger">{errorMessage(rounds.error)}</Notice> : null}
        <DataTable
          testId="open-rounds"
          rows={rounds.data ?? []}
          rowKey={(row) => row.roundId}
          rowTestId={(row) => `open-round-${row.providerRoundId}`}
          empty={rounds.isLoading ? en.common.loading : en.studios.noOpenRounds}
          columns={[
            { key: "opened", header: en.studios.opened, render: (row) => formatDateTime(row.openedAt) },
            { key: "provider", header: en.studios.provider, render: (row) => row.provider },
            {
              key: "player",
              header: en.studios.player,
              render: (row) => (
                <Link href={`/players/${row.playerId}`} className="font-mono text-chip-400 text-xs hover:underline">
                  {row.playerId}
                </Link>
              ),
            },
            {
              key: "round",
              header: en.studios.round,
              render: (row) => <code className="text-xs">{row.providerRoundId}</code>,
            },
            { key: "game", header: en.studios.game, render: (row) => row.gameName ?? "—" },
            {
              key: "staked",
              header: en.studios.staked,
              align: "end",
              render: (row) => formatMinor(row.stakedMinor, row.currency, row.exponent),
            },
            {
              key: "won",
              header: en.studios.won,
              align: "end",
              render: (row) => formatMinor(row.wonMinor, row.currency, row.exponent),
            },
            { key: "transactions", header: en.studios.transactions, align: "end", render: (row) => row.transactions },
          ]}
        />
      </Card>
    </>
  );
};
