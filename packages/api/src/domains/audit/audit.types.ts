/** Who did it: a staff member, a player, the platform itself, or nobody identified. */
export type AuditActor = { type: "STAFF" | "PLAYER" | "SYSTEM" | "ANONYMOUS"; id: string | null };

/** What every audit row records about the request, built once per request by the tRPC middleware. */
export type AuditContext = {
  actor: AuditActor;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

/** One fact for the audit trail. `action` is `domain.verb` (or the procedure path of a denied call). */
export type AuditEntry = {
  action: string;
  outcome?: "SUCCESS" | "DENIED";
  targetType?: string | null;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  /** The human reason given by staff, or why it was denied. */
  reason?: string | null;
  /** The DomainError code of a denied attempt. */
  errorCode?: string | null;
};

export const systemAuditContext = (requestId: string | null = null): AuditContext => ({
  actor: { type: "SYSTEM", id: null },
  ip: null,
  userAgent: null,
  requestId,
});
