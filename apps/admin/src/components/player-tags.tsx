"use client";

import { Badge, Button, Notice, TextField } from "@pitboss/ui";
import { useMutation } from "@tanstack/react-query";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { errorMessage } from "~/lib/errors";
import type { PlayerView } from "~/lib/types";
import { useTRPC } from "~/trpc/react";
import { useInvalidatePlayer } from "./use-invalidate-player";

export const PlayerTags = ({
  playerId,
  tags,
  canEdit,
}: {
  playerId: string;
  tags: PlayerView["tags"];
  canEdit: boolean;
}) => {
  const trpc = useTRPC();
  const invalidate = useInvalidatePlayer();
  const add = useMutation(trpc.admin.player.tag.add.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(trpc.admin.player.tag.remove.mutationOptions({ onSuccess: invalidate }));
  return (
    <section className="mt-3 flex flex-col gap-2">
      <h3 className="font-medium text-muted text-xs uppercase tracking-wide">{en.player.tags}</h3>
      <div className="flex flex-wrap gap-1" data-testid="player-tags">
        {tags.length === 0 ? <span className="text-muted text-sm">{en.player.noTags}</span> : null}
        {tags.map((tag) => (
          <Badge key={tag.tag} tone="info">
            {tag.tag}
            {canEdit ? (
              <button
                type="button"
                aria-label={format(en.player.removeTag, { tag: tag.tag })}
                className="text-muted hover:text-ink"
                onClick={() => remove.mutate({ playerId, tag: tag.tag })}
              >
                ×
              </button>
            ) : null}
          </Badge>
        ))}
      </div>
      {canEdit ? (
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            add.mutate({ playerId, tag: String(new FormData(form).get("tag")) }, { onSuccess: () => form.reset() });
          }}
        >
          <TextField label={en.player.tagLabel} name="tag" required maxLength={40} fieldClassName="grow" />
          <Button type="submit" variant="secondary" size="sm" isBusy={add.isPending}>
            {en.player.addTag}
          </Button>
        </form>
      ) : null}
      {add.error || remove.error ? <Notice tone="danger">{errorMessage(add.error ?? remove.error)}</Notice> : null}
    </section>
  );
};
