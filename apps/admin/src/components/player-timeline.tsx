"use client";

import { Card, Notice } from "@pitboss/ui";
import { useQuery } from "@tanstack/react-query";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import { useTRPC } from "~/trpc/react";
import { useFormatMoney } from "./money";

export const PlayerTimeline = ({ playerId }: { playerId: string }) => {
  const trpc = useTRPC();
  const formatMoney = useFormatMoney();
  const timeline = useQuery(trpc.admin.player.timeline.queryOptions({ playerId }));
  return (
    <Card title={en.player.timeline}>
      {timeline.error ? <Notice tone="danger">{errorMessage(timeline.error)}</Notice> : null}
      <ol className="flex max-h-[32rem] flex-col gap-1.5 overflow-y-auto text-sm" data-testid="player-timeline">
        {(timeline.data ?? []).map((event, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: events have no id of their own; the order is stable
          <li key={index} className="grid grid-cols-[auto_1fr] gap-x-2">
            <span className="text-muted text-xs tabular-nums">{formatDateTime(event.at)}</span>
            <span>
              <span className="font-medium">{en.timelineKinds[event.kind]}</span> {event.summary}
              {event.amountMinor !== undefined && event.currency ? (
                <span className="tabular-nums"> · {formatMoney(event.amountMinor, event.currency)}</span>
              ) : null}
              {event.by ? (
                <span className="text-muted text-xs"> · {format(en.player.by, { name: event.by })}</span>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
};
