import { ZodError } from "zod";
import type { AuditContext } from "./domains/audit/audit.types";
import { writeAudit } from "./domains/audit/write-audit";
import { DomainError, type DomainErrorCode } from "./errors";
import type { TrpcContext } from "./trpc";

/**
 * The audit side of the admin procedure flavours (trpc.ts): who is calling, and the row every refused or
 * failed admin call leaves behind. Rows are written outside any transaction, so they stay when the call fails.
 */

export const auditContextOf = (ctx: TrpcContext): AuditContext => ({
  actor: ctx.staff
    ? { type: "STAFF", id: ctx.staff.id }
    : ctx.player
      ? { type: "PLAYER", id: ctx.player.id }
      : { type: "ANONYMOUS", id: null },
  ip: ctx.client?.ip ?? null,
  userAgent: ctx.client?.userAgent?.slice(0, 500) ?? null,
  requestId: ctx.requestId,
});

/** Input keys that name what a call is about, and the target type they stand for, most specific first. */
const targetKeys = [
  ["adjustmentId", "adjustment_request"],
  ["restrictionId", "player_restriction"],
  ["requestId", "staff_role_request"],
  ["sessionId", "staff_session"],
  ["playerId", "player"],
  ["staffId", "staff_user"],
] as const;

const inputOf = async (getRawInput: () => Promise<unknown>) => {
  try {
    const raw = await getRawInput();
    return raw && typeof raw === "object" ? (raw as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

const targetOf = (input: Record<string, unknown> | undefined) => {
  for (const [key, type] of targetKeys) {
    const value = input?.[key];
    if (typeof value === "string" && value.length <= 64) return { targetType: type, targetId: value };
  }
  return { targetType: null, targetId: null };
};

type Attempt = { path: string; getRawInput: () => Promise<unknown> };

/** Writes the DENIED row for a refused call (no session, no MFA, wrong app, missing permission), then throws. */
export const refuseAndAudit = async (
  ctx: TrpcContext,
  audit: AuditContext,
  attempt: Attempt & { code: DomainErrorCode; reason: string },
): Promise<never> => {
  const input = await inputOf(attempt.getRawInput);
  await writeAudit(ctx.db.prisma, ctx, audit, {
    action: attempt.path,
    outcome: "DENIED",
    ...targetOf(input),
    after: input ? { input } : null,
    reason: attempt.reason,
    errorCode: attempt.code,
  });
  throw new DomainError(attempt.code);
};

/** A permitted mutation that failed anyway (invalid input, self-approval, conflict): a DENIED row, no rethrow. */
export const auditFailedMutation = async (
  ctx: TrpcContext,
  audit: AuditContext,
  attempt: Attempt & { error: { message: string; cause?: unknown } },
) => {
  const cause = attempt.error.cause;
  const code = cause instanceof DomainError ? cause.code : cause instanceof ZodError ? "INVALID_INPUT" : "INTERNAL";
  const input = await inputOf(attempt.getRawInput);
  try {
    await writeAudit(ctx.db.prisma, ctx, audit, {
      action: attempt.path,
      outcome: "DENIED",
      ...targetOf(input),
      after: input ? { input } : null,
      reason: (cause instanceof Error ? cause.message : attempt.error.message).slice(0, 500),
      errorCode: code,
    });
  } catch (error) {
    // The call already failed; its own error is what the caller must see. The audit gap is logged loudly.
    ctx.logger.error({ err: error, path: attempt.path, requestId: ctx.requestId }, "audit write failed");
  }
};
