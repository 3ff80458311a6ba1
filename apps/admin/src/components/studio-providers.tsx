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
import { useTRPC } from "~/trpc/react";
import { useCan } from "./me-context";
import { StudioSwitchConfirm } from "./studio-switch";
import { StudioTabs } from "./studio-tabs";

type Provider = inferRouterOutputs<AppRouter>["admin"]["studios"]["provider"]["list"][number];

/** The studios and their kill switch (STUDIOS.MANAGE switches, with a confirmation and a reason). */
export const StudioProviders = () => {
  const trpc = useTRPC();
  const can = useCan();
  const refetchAfterWrite = useRefetchAfterWrite();
  const list = useQuery(trpc.admin.studios.provider.list.queryOptions());
  const [target, setTarget] = useState<Provider | null>(null);
  const setEnabled = useMutation(
    trpc.admin.studios.provider.setEnabled.mutationOptions({
      onSuccess: () => {
        setTarget(null);
        void refetchAfterWrite(trpc.admin.studios.pathKey());
      },
    }),
  );
  const canManage = can("studios.manage");
  return (
    <>
      <StudioTabs />
      {target ? (
        <StudioSwitchConfirm
          title={format(target.isEnabled ? en.studios.confirmOffTitle : en.studios.confirmOnTitle, {
            name: target.name,
          })}
          help={target.isEnabled ? en.studios.confirmOffHelp : en.studios.confirmOnHelp}
          confirmLabel={target.isEnabled ? en.studios.confirmOff : en.studios.confirmOn}
          isOff={target.isEnabled}
          isBusy={setEnabled.isPending}
          error={setEnabled.error}
          onConfirm={(reason) => setEnabled.mutate({ code: target.code, isEnabled: !target.isEnabled, reason })}
          onCancel={() => {
            setEnabled.reset();
            setTarget(null);
          }}
        />
      ) : null}
      <Card title={en.studios.providersTitle}>
        <p className="mb-3 text-muted text-sm">{en.studios.providersHelp}</p>
        {list.error ? <Notice tone="danger">{errorMessage(list.error)}</Notice> : null}
        <DataTable
          testId="studio-providers"
          rows={list.data ?? []}
          rowKey={(row) => row.code}
          rowTestId={(row) => `provider-${row.code}`}
          empty={list.isLoading ? en.common.loading : en.studios.none}
          columns={[
            { key: "name", header: en.studios.name, render: (row) => row.name },
            { key: "code", header: en.studios.code, render: (row) => <code className="text-xs">{row.code}</code> },
            { key: "protocol", header: en.studios.protocol, render: (row) => row.protocol },
            {
              key: "status",
              header: en.studios.status,
              render: (row) => (
                <span className="flex flex-col gap-0.5">
                  <Badge tone={row.isEnabled ? "success" : "danger"} testId="provider-status">
                    {row.isEnabled ? en.studios.on : en.studios.off}
                  </Badge>
                  {!row.isEnabled && row.disabledReason ? (
                    <span className="text-muted text-xs">
                      {format(en.studios.disabledBecause, { reason: row.disabledReason })}
                    </span>
                  ) : null}
                </span>
              ),
            },
            { key: "games", header: en.studios.games, align: "end", render: (row) => row.games },
            { key: "openRounds", header: en.studios.openRounds, align: "end", render: (row) => row.openRounds },
            {
              key: "actions",
              header: en.studios.actions,
              render: (row) => (
                <span className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/studios/providers/${row.code}`}
                    className="text-chip-400 text-xs hover:underline"
                    aria-label={`${en.studios.catalogue}: ${row.name}`}
                  >
                    {en.studios.catalogue}
                  </Link>
                  {canManage ? (
                    <Button
                      size="sm"
                      variant={row.isEnabled ? "danger" : "secondary"}
                      onClick={() => {
                        setEnabled.reset();
                        setTarget(row);
                      }}
                    >
                      {row.isEnabled ? en.studios.switchOff : en.studios.switchOn}
                    </Button>
                  ) : null}
                </span>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
};
