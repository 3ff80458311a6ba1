import { currentRequestContext } from "@pitboss/db";
import type { z } from "zod";
import type { ServiceDeps } from "../../deps";
import { requestHash } from "./request-hash";
import type { eventContext } from "./wallet.schemas";

type CommandHeader = {
  command: string;
  kind: string;
  playerId: string | null;
  currency: string | null;
  idempotencyKey: string;
  idempotencyScope?: string;
  context?: z.infer<typeof eventContext>;
  /** Everything that defines the request: hashed with the key, so a reused key with other data is refused. */
  request: Record<string, unknown>;
  refs?: { roundId?: string; paymentId?: string; grantId?: string; calcVer?: string; contractVer?: string };
  metadata?: Record<string, unknown>;
};

/** The transaction header and outbox context every ledger function takes, built the same way for all. */
export const ledgerCommand = (deps: Pick<ServiceDeps, "newId">, header: CommandHeader) => {
  const txn = {
    id: deps.newId("transaction"),
    kind: header.kind,
    playerId: header.playerId,
    currency: header.currency,
    idempotencyScope: header.idempotencyScope ?? `${header.command}:${header.playerId ?? "house"}`,
    idempotencyKey: header.idempotencyKey,
    requestHash: requestHash(header.command, header.request),
    ...header.refs,
    metadata: header.metadata ?? {},
  };
  const event = {
    eventId: deps.newId("event"),
    sessionId: header.context?.sessionId ?? null,
    traceId: header.context?.traceId ?? currentRequestContext()?.requestId ?? null,
    geo: header.context?.geo ?? null,
    device: header.context?.device ?? null,
  };
  return { txn, event };
};
