"use client";

import type { AppRouter } from "@pitboss/api/client";
import { Badge, Button, Card, DataTable, Notice, useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useState } from "react";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { errorMessage } from "~/lib/errors";
import { formatMinor } from "~/lib/money";
import { useTRPC } from "~/trpc/react";
import { useCan } from "./me-context";
import { StudioSwitchConfirm } from "./studio-switch";
import { StudioTabs } from "./studio-tabs";

type Game = inferRouterOutputs<AppRouter>["admin"]["studios"]["game"]["list"]["games"][number];

const percent = (bps: number) =>
  new Intl.NumberFormat("en", { style: "percent", minimumFractionDigits: 2 }).format(bps / 10_000);

/** One studio's catalogue: RTP, volatility, stake limits per currency, countries, and a switch per game. */
export const StudioGames = ({ provider }: { provider: string }) => {
  const trpc = useTRPC();
  const can = useCan();
  const refetchAfterWrite = useRefetchAfterWrite();
  const list = useQuery(trpc.admin.studios.game.list.queryOptions({ provider }));
  const [target, setTarget] = useState<Game | null>(null);
  const setEnabled = useMutation(
    trpc.admin.studios.game.setEnabled.mutationOptions({
      onSuccess: () => {
        setTarget(null);
        void refetchAfterWrite(trpc.admin.studios.pathKey());
      },
    }),
  );
  const studio = list.data?.provider;
  return (
    <>
      <StudioTabs />
      <p className="mb-2 text-sm">
        <Link href="/studios" className="text-chip-400 hover:underline">
          ← {en.studios.back}
        </Link>
      </p>
      {target ? (
        <StudioSwitchConfirm
          title={format(target.isEnabled ? en.studios.confirmGameOffTitle : en.studios.confirmGameOnTitle, {
            name: target.name,
          })}
          help={en.studios.confirmGameHelp}
          confirmLabel={target.isEnabled ? en.studios.confirmOff : en.studios.confirmOn}
          isOff={target.isEnabled}
          isBusy={setEnabled.isPending}
          error={setEnabled.error}
          onConfirm={(reason) => setEnabled.mutate({ slug: target.slug, isEnabled: !target.isEnabled, reason })}
          onCancel={() => {
            setEnabled.reset();
            setTarget(null);
          }}
        />
      ) : null}
      <Card title={format(en.studios.catalogueTitle, { name: studio?.name ?? provider })}>
        {studio && !studio.isEnabled ? (
          <Notice tone="warning">
            {format(en.studios.disabledBecause, { reason: studio.disabledReason ?? en.studios.off })}
          </Notice>
        ) : null}
        {list.error ? <Notice tone="danger">{errorMessage(list.error)}</Notice> : null}
        <DataTable
          testId="studio-games"
          rows={list.data?.games ?? []}
          rowKey={(row) => row.slug}
          rowTestId={(row) => `game-${row.slug}`}
          empty={list.isLoading ? en.common.loading : en.studios.noGames}
          columns={[
            { key: "name", header: en.studios.gameName, render: (row) => row.name },
            {
              key: "code",
              header: en.studios.externalCode,
              render: (row) => <code className="text-xs">{row.externalCode}</code>,
            },
            { key: "category", header: en.studios.category, render: (row) => row.category },
            { key: "rtp", header: en.studios.rtp, align: "end", render: (row) => percent(row.rtpBps) },
            {
              key: "volatility",
              header: en.studios.volatility,
              render: (row) => (row.volatility ? (en.studios.volatilities[row.volatility] ?? row.volatility) : "—"),
            },
            {
              key: "limits",
              header: en.studios.limits,
              render: (row) => (
                <ul className="flex flex-col text-xs tabular-nums">
                  {row.limits.map((limit) => (
                    <li key={limit.currency}>
                      {formatMinor(limit.minStakeMinor, limit.currency, limit.exponent)} –{" "}
                      {formatMinor(limit.maxStakeMinor, limit.currency, limit.exponent)}
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              key: "countries",
              header: en.studios.countries,
              render: (row) =>
                row.countries && row.countries.length > 0 ? row.countries.join(", ") : en.studios.everywhere,
            },
            {
              key: "status",
              header: en.studios.status,
              render: (row) => (
                <Badge tone={row.isEnabled ? "success" : "danger"}>
                  {row.isEnabled ? en.studios.on : en.studios.off}
                </Badge>
              ),
            },
            {
              key: "actions",
              header: en.studios.actions,
              render: (row) =>
                can("studios.manage") ? (
                  <Button
                    size="sm"
                    variant={row.isEnabled ? "danger" : "secondary"}
                    onClick={() => {
                      setEnabled.reset();
                      setTarget(row);
                    }}
                  >
                    {row.isEnabled ? en.studios.gameOff : en.studios.gameOn}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
};
