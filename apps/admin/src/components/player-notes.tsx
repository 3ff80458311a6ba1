"use client";

import { Button, Card, Notice, TextAreaField } from "@pitboss/ui";
import { useMutation } from "@tanstack/react-query";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import type { PlayerView } from "~/lib/types";
import { useTRPC } from "~/trpc/react";
import { useInvalidatePlayer } from "./use-invalidate-player";

export const PlayerNotes = ({
  playerId,
  notes,
  canAdd,
}: {
  playerId: string;
  notes: PlayerView["notes"];
  canAdd: boolean;
}) => {
  const trpc = useTRPC();
  const invalidate = useInvalidatePlayer();
  const add = useMutation(trpc.admin.player.note.create.mutationOptions({ onSuccess: invalidate }));
  return (
    <Card title={en.player.notes}>
      {canAdd ? (
        <form
          className="mb-3 flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            add.mutate({ playerId, body: String(new FormData(form).get("body")) }, { onSuccess: () => form.reset() });
          }}
          onKeyDown={(event) => {
            // Ctrl/Cmd+Enter submits from the textarea.
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) event.currentTarget.requestSubmit();
          }}
        >
          <TextAreaField label={en.player.noteLabel} name="body" required maxLength={4000} />
          <Button type="submit" variant="secondary" size="sm" isBusy={add.isPending}>
            {en.player.addNote}
          </Button>
          {add.error ? <Notice tone="danger">{errorMessage(add.error)}</Notice> : null}
        </form>
      ) : null}
      <ul className="flex flex-col gap-2" data-testid="player-notes">
        {notes.length === 0 ? <li className="text-muted text-sm">{en.player.noNotes}</li> : null}
        {notes.map((note) => (
          <li key={note.id} className="border-felt-700 border-s-2 ps-2 text-sm">
            <p className="whitespace-pre-wrap">{note.body}</p>
            <p className="text-muted text-xs">
              {formatDateTime(note.createdAt)} · {format(en.player.by, { name: note.author.displayName })}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
};
