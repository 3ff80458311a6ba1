"use client";

import { Badge, Button, Card, DataTable, Notice, TextField } from "@pitboss/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import { useTRPC } from "~/trpc/react";
import { useInvalidatePlayer } from "./use-invalidate-player";

/** Sign-in history (time, outcome, IP) and, for roles that may, "sign out everywhere" with a reason. */
export const PlayerSessions = ({ playerId, canSignOut }: { playerId: string; canSignOut: boolean }) => {
  const trpc = useTRPC();
  const invalidate = useInvalidatePlayer();
  const signIns = useQuery(trpc.admin.player.sessions.list.queryOptions({ playerId }));
  const signOut = useMutation(trpc.admin.player.sessions.signOutEverywhere.mutationOptions({ onSuccess: invalidate }));
  const error = signIns.error ?? signOut.error;
  return (
    <Card title={en.player.sessions}>
      <DataTable
        testId="player-sessions"
        rows={signIns.data ?? []}
        rowKey={(row) => row.id}
        empty={signIns.isLoading ? en.common.loading : en.player.noSignIns}
        columns={[
          { key: "when", header: en.player.when, render: (row) => formatDateTime(row.createdAt) },
          {
            key: "outcome",
            header: en.player.signInOutcome,
            render: (row) => (
              <Badge tone={row.isSuccess ? "success" : "danger"}>
                {row.isSuccess ? en.player.signInSucceeded : en.player.signInFailed}
              </Badge>
            ),
          },
          { key: "ip", header: en.sessions.ip, render: (row) => <code className="text-xs">{row.ip}</code> },
        ]}
      />
      {canSignOut ? (
        <form
          className="mt-3 flex flex-col gap-2"
          data-testid="player-sign-out-everywhere"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            signOut.mutate(
              { playerId, reason: String(new FormData(form).get("reason")) },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          <TextField label={en.player.signOutReason} name="reason" required minLength={3} maxLength={500} />
          <Button type="submit" variant="danger" size="sm" isBusy={signOut.isPending}>
            {en.player.signOutEverywhere}
          </Button>
        </form>
      ) : null}
      {signOut.isSuccess ? <Notice tone="success">{en.player.signedOutEverywhere}</Notice> : null}
      {error ? <Notice tone="danger">{errorMessage(error)}</Notice> : null}
    </Card>
  );
};
