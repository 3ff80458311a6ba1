"use client";

import { Badge, Card, DescriptionList, Notice } from "@pitboss/ui";
import { useQuery } from "@tanstack/react-query";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import { useTRPC } from "~/trpc/react";
import { AdjustmentForm } from "./adjustment-form";
import { useCan } from "./me-context";
import { PlayerMoney } from "./player-money";
import { PlayerNotes } from "./player-notes";
import { PlayerRestrictions } from "./player-restrictions";
import { PlayerRounds } from "./player-rounds";
import { statusTone } from "./player-search";
import { PlayerSessions } from "./player-sessions";
import { PlayerTags } from "./player-tags";
import { PlayerTimeline } from "./player-timeline";

/**
 * Everything about one player on one screen; each panel shows only what the role may see or do. Payments join
 * when the payments domain exists.
 */
export const Player360 = ({ playerId }: { playerId: string }) => {
  const trpc = useTRPC();
  const can = useCan();
  const player = useQuery(trpc.admin.player.get.queryOptions({ playerId }));
  if (player.error) return <Notice tone="danger">{errorMessage(player.error)}</Notice>;
  if (!player.data) return <p className="text-muted">{en.common.loading}</p>;
  const { profile, tags, restrictions, notes } = player.data;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="player-name">{profile.displayName}</span>
            <Badge tone={statusTone(profile.status)} testId="player-status">
              {en.statuses[profile.status]}
            </Badge>
          </span>
        }
      >
        <DescriptionList
          items={[
            { label: en.players.email, value: profile.email, testId: "player-email" },
            ...(profile.phone ? [{ label: en.players.phone, value: profile.phone, testId: "player-phone" }] : []),
            { label: en.players.id, value: <code className="text-xs">{profile.id}</code> },
            { label: en.players.country, value: profile.country },
            { label: en.players.currency, value: profile.currency },
            { label: en.player.locale, value: profile.locale },
            { label: en.player.dateOfBirth, value: new Date(profile.dateOfBirth).toISOString().slice(0, 10) },
            { label: en.players.joined, value: formatDateTime(profile.createdAt) },
          ]}
        />
        <PlayerTags playerId={playerId} tags={tags} canEdit={can("player.tag")} />
      </Card>
      <div className="flex flex-col gap-4 lg:col-span-2">
        {can("wallet.read") ? <PlayerMoney playerId={playerId} currency={profile.currency} /> : null}
        {can("wallet.adjust") ? <AdjustmentForm playerId={playerId} currency={profile.currency} /> : null}
      </div>
      <PlayerRestrictions
        playerId={playerId}
        restrictions={restrictions}
        canEdit={can("player.restrict")}
        canReopen={can("player.reopen")}
      />
      <PlayerNotes playerId={playerId} notes={notes} canAdd={can("player.note")} />
      <PlayerTimeline playerId={playerId} />
      <PlayerRounds playerId={playerId} />
      <PlayerSessions playerId={playerId} canSignOut={can("player.sessions")} />
    </div>
  );
};
