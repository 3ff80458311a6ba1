"use client";

import { Badge, Button, DataTable, Notice, useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import type { SessionView } from "~/lib/types";
import { useTRPC } from "~/trpc/react";

const SessionTable = ({
  sessions,
  onRevoke,
  canRevoke,
}: {
  sessions: SessionView[];
  onRevoke: (id: string) => void;
  canRevoke: boolean;
}) => (
  <DataTable
    testId="session-list"
    rows={sessions}
    rowKey={(row) => row.id}
    empty={en.sessions.none}
    columns={[
      { key: "started", header: en.sessions.started, render: (row) => formatDateTime(row.createdAt) },
      { key: "seen", header: en.sessions.lastSeen, render: (row) => formatDateTime(row.lastSeenAt) },
      { key: "expires", header: en.sessions.expires, render: (row) => formatDateTime(row.expiresAt) },
      { key: "ip", header: en.sessions.ip, render: (row) => row.ip ?? "" },
      {
        key: "agent",
        header: en.sessions.userAgent,
        render: (row) => <span className="line-clamp-1 text-xs">{row.userAgent}</span>,
      },
      {
        key: "state",
        header: en.sessions.state,
        render: (row) => (
          <span className="flex gap-1">
            <Badge tone={row.isActive ? "success" : "neutral"}>
              {row.isActive ? en.sessions.active : en.sessions.ended}
            </Badge>
            {row.isCurrent ? <Badge tone="info">{en.account.current}</Badge> : null}
          </span>
        ),
      },
      {
        key: "revoke",
        header: "",
        render: (row) =>
          row.isActive && !row.isCurrent && canRevoke ? (
            <Button size="sm" variant="secondary" onClick={() => onRevoke(row.id)}>
              {en.sessions.revoke}
            </Button>
          ) : null,
      },
    ]}
  />
);

/** Someone else's sessions (admins); revoking ends one at once. */
export const SessionList = ({ staffId, canRevoke }: { staffId: string; canRevoke: boolean }) => {
  const trpc = useTRPC();
  const refetchAfterWrite = useRefetchAfterWrite();
  const sessions = useQuery(trpc.admin.staff.sessions.list.queryOptions({ staffId }));
  const revoke = useMutation(
    trpc.admin.staff.sessions.revoke.mutationOptions({
      onSettled: () => refetchAfterWrite(trpc.admin.staff.sessions.list.queryKey({ staffId })),
    }),
  );
  return (
    <>
      {sessions.error || revoke.error ? (
        <Notice tone="danger">{errorMessage(sessions.error ?? revoke.error)}</Notice>
      ) : null}
      <SessionTable
        sessions={sessions.data ?? []}
        canRevoke={canRevoke}
        onRevoke={(sessionId) => revoke.mutate({ sessionId })}
      />
    </>
  );
};

/** The signed-in staff member's own sessions. */
export const OwnSessionList = () => {
  const trpc = useTRPC();
  const refetchAfterWrite = useRefetchAfterWrite();
  const sessions = useQuery(trpc.admin.account.sessions.list.queryOptions());
  const revoke = useMutation(
    trpc.admin.account.sessions.revoke.mutationOptions({
      onSettled: () => refetchAfterWrite(trpc.admin.account.sessions.list.queryKey()),
    }),
  );
  return (
    <>
      {sessions.error || revoke.error ? (
        <Notice tone="danger">{errorMessage(sessions.error ?? revoke.error)}</Notice>
      ) : null}
      <SessionTable sessions={sessions.data ?? []} canRevoke onRevoke={(sessionId) => revoke.mutate({ sessionId })} />
    </>
  );
};
