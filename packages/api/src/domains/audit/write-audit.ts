import type { Tx } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import type { AuditContext, AuditEntry } from "./audit.types";

/** The Prisma client or an open transaction: an audit row commits with the change it describes. */
export type AuditExecutor = Pick<Tx, "$executeRaw">;

const secretKey = /password|secret|token|^code$|recovery/i;

/** JSON for before/after: bigint as a decimal string, Dates as ISO strings, secrets never written. */
export const toAuditJson = (value: unknown): string | null =>
  value === undefined || value === null
    ? null
    : JSON.stringify(value, (key, v) => {
        if (key && secretKey.test(key)) return "[redacted]";
        return typeof v === "bigint" ? v.toString() : v;
      });

/**
 * Appends one row to the audit trail. The database chains it (seq, prev_hash, hash) in a trigger under an
 * advisory lock, so writers only INSERT; pass the transaction of the change so both commit or neither does.
 */
export const writeAudit = async (
  executor: AuditExecutor,
  deps: Pick<ServiceDeps, "now" | "newId">,
  context: AuditContext,
  entry: AuditEntry,
): Promise<void> => {
  await executor.$executeRaw`
    INSERT INTO audit_log (id, seq, created_at, actor_type, actor_id, action, outcome, target_type, target_id,
                           before, after, reason, error_code, ip, user_agent, request_id, prev_hash, hash)
    VALUES (${deps.newId("audit")}, 0, ${deps.now()}, ${context.actor.type}::audit_actor_type, ${context.actor.id},
            ${entry.action}, ${entry.outcome ?? "SUCCESS"}::audit_outcome, ${entry.targetType ?? null},
            ${entry.targetId ?? null}, ${toAuditJson(entry.before)}::jsonb, ${toAuditJson(entry.after)}::jsonb,
            ${entry.reason ?? null}, ${entry.errorCode ?? null}, ${context.ip}, ${context.userAgent},
            ${context.requestId}, '', '')`;
};
