import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { listStatement } from "../wallet/ledger-reads";
import { findPlayerProfile, listAdjustmentsOf, listNotes, listRestrictions, listTags } from "./players.repo";
import { type PlayerIdInput, playerIdInput } from "./players.schemas";

export type TimelineEvent = {
  at: Date;
  kind: "registered" | "note" | "tag" | "restriction.placed" | "restriction.lifted" | "adjustment" | "ledger";
  summary: string;
  by: string | null;
  /** Money events only, when the caller may see money. */
  amountMinor?: bigint;
  currency?: string;
  refId?: string;
};

/**
 * Everything that happened to a player, newest first: registration, staff notes, tags, restrictions,
 * adjustments and (with `includeMoney`) the latest cash ledger movements. Bounded: the latest 200 events.
 */
export const getPlayerTimeline = async (
  deps: Pick<ServiceDeps, "db">,
  rawInput: PlayerIdInput,
  options: { includeMoney: boolean },
): Promise<TimelineEvent[]> => {
  const { playerId } = playerIdInput.parse(rawInput);
  const profile = await findPlayerProfile(deps.db.prisma, playerId);
  if (!profile) throw new DomainError("NOT_FOUND");
  const [notes, tags, restrictions, adjustments, statement] = await Promise.all([
    listNotes(deps.db, playerId),
    listTags(deps.db, playerId),
    listRestrictions(deps.db, playerId),
    options.includeMoney ? listAdjustmentsOf(deps.db, playerId) : Promise.resolve([]),
    options.includeMoney
      ? listStatement(deps, { playerId, currency: profile.currency, type: "CASH", limit: 50 })
      : Promise.resolve({ items: [] }),
  ]);
  const events: TimelineEvent[] = [
    { at: profile.createdAt, kind: "registered", summary: profile.email, by: null },
    ...notes.map((n) => ({
      at: n.createdAt,
      kind: "note" as const,
      summary: n.body,
      by: n.author.displayName,
      refId: n.id,
    })),
    ...tags.map((t) => ({ at: t.createdAt, kind: "tag" as const, summary: t.tag, by: t.creator.displayName })),
    ...restrictions.flatMap((r) => [
      {
        at: r.createdAt,
        kind: "restriction.placed" as const,
        summary: `${r.type}: ${r.reason}`,
        by: r.creator.displayName,
        refId: r.id,
      },
      ...(r.liftedAt
        ? [
            {
              at: r.liftedAt,
              kind: "restriction.lifted" as const,
              summary: `${r.type}: ${r.liftReason ?? ""}`,
              by: r.lifter?.displayName ?? null,
              refId: r.id,
            },
          ]
        : []),
    ]),
    ...adjustments.map((a) => ({
      at: a.requestedAt,
      kind: "adjustment" as const,
      summary: `${a.reasonCode} · ${a.status}`,
      by: a.requester.displayName,
      amountMinor: a.amountMinor,
      currency: a.currency,
      refId: a.id,
    })),
    ...statement.items.map((p) => ({
      at: p.createdAt,
      kind: "ledger" as const,
      summary: p.kind,
      by: null,
      amountMinor: p.amountMinor,
      currency: profile.currency,
      refId: p.txnId,
    })),
  ];
  return events.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, 200);
};
