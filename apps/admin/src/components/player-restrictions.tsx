"use client";

import { Badge, Button, Card, Notice, SelectField, TextField } from "@pitboss/ui";
import { useMutation } from "@tanstack/react-query";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import type { PlayerView } from "~/lib/types";
import { useTRPC } from "~/trpc/react";
import { useInvalidatePlayer } from "./use-invalidate-player";

const types = Object.keys(en.restrictionTypes) as (keyof typeof en.restrictionTypes)[];

export const PlayerRestrictions = ({
  playerId,
  restrictions,
  canEdit,
  canReopen,
}: {
  playerId: string;
  restrictions: PlayerView["restrictions"];
  canEdit: boolean;
  /** Lifting CLOSE reopens the account: an admin's decision (`player.reopen`). */
  canReopen: boolean;
}) => {
  const trpc = useTRPC();
  const invalidate = useInvalidatePlayer();
  const place = useMutation(trpc.admin.player.restriction.create.mutationOptions({ onSuccess: invalidate }));
  const lift = useMutation(trpc.admin.player.restriction.lift.mutationOptions({ onSuccess: invalidate }));
  const reopen = useMutation(trpc.admin.player.restriction.reopen.mutationOptions({ onSuccess: invalidate }));
  const error = place.error ?? lift.error ?? reopen.error;
  return (
    <Card title={en.player.restrictions}>
      <ul className="mb-3 flex flex-col gap-2 text-sm" data-testid="player-restrictions">
        {restrictions.length === 0 ? <li className="text-muted">{en.player.noRestrictions}</li> : null}
        {restrictions.map((r) => {
          // A closed account is reopened rather than lifted: its own procedure and permission (player.reopen).
          const isClose = r.type === "CLOSE";
          const action = isClose ? reopen : lift;
          return (
            <li key={r.id} className="flex flex-col gap-1">
              <span className="flex items-center gap-2">
                <Badge tone={r.isActive ? "danger" : "neutral"}>{en.restrictionTypes[r.type]}</Badge>
                <span className="text-muted text-xs">{r.isActive ? en.player.active : en.player.lifted}</span>
              </span>
              <span>{r.reason}</span>
              <span className="text-muted text-xs">
                {formatDateTime(r.createdAt)} · {format(en.player.by, { name: r.creator.displayName })}
              </span>
              {!r.isActive || !canEdit ? null : isClose && !canReopen ? (
                <span className="text-muted text-xs">{en.player.reopenByAdmin}</span>
              ) : (
                <form
                  className="flex items-end gap-2"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const reason = String(new FormData(event.currentTarget).get("reason"));
                    action.mutate({ restrictionId: r.id, reason });
                  }}
                >
                  <TextField label={en.player.liftReason} name="reason" required minLength={3} fieldClassName="grow" />
                  <Button type="submit" size="sm" variant="secondary" isBusy={action.isPending}>
                    {isClose ? en.player.reopen : en.player.lift}
                  </Button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      {canEdit ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = new FormData(form);
            place.mutate(
              {
                playerId,
                type: String(data.get("type")) as (typeof types)[number],
                reason: String(data.get("reason")),
              },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          <SelectField
            label={en.player.restrictionType}
            name="type"
            options={types.map((type) => ({ value: type, label: en.restrictionTypes[type] }))}
          />
          <TextField label={en.player.reason} name="reason" required minLength={3} maxLength={500} />
          <Button type="submit" variant="danger" size="sm" isBusy={place.isPending}>
            {en.player.placeRestriction}
          </Button>
        </form>
      ) : null}
      {error ? <Notice tone="danger">{errorMessage(error)}</Notice> : null}
    </Card>
  );
};
