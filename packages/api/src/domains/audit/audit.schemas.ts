import { z } from "zod";

const optionalText = z.string().trim().max(200).optional();

/** Viewer filters; all optional, combined with AND. `action` matches a prefix (`wallet.` finds all wallet rows). */
export const auditFilters = z
  .object({
    actorId: optionalText,
    targetId: optionalText,
    action: optionalText,
    outcome: z.enum(["SUCCESS", "DENIED"]).optional(),
    from: z.date().optional(),
    to: z.date().optional(),
  })
  .strict();
export type AuditFilters = z.input<typeof auditFilters>;

export const listAuditInput = auditFilters
  .extend({
    /** The last seq of the previous page (exclusive); pages go newest first. */
    cursor: z.bigint().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
    /** Sent by infinite-query clients; pages only go one way (older). */
    direction: z.enum(["forward", "backward"]).optional(),
  })
  .strict();
export type ListAuditInput = z.input<typeof listAuditInput>;

export const exportAuditInput = auditFilters.extend({ limit: z.number().int().min(1).max(10_000).default(5_000) });
export type ExportAuditInput = z.input<typeof exportAuditInput>;
