import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { ServiceDeps } from "./deps";
import type { Permission } from "./domains/staff/policy";
import { allowedBeforePasswordChange, hasPermission } from "./domains/staff/policy";
import type { StaffActor } from "./domains/staff/staff.types";
import { DomainError, toDomainError, transportOf } from "./errors";
import { auditContextOf, auditFailedMutation, refuseAndAudit } from "./staff-access";

/** The signed-in player, resolved from the player app's session (null when signed out). */
export type PlayerActor = { id: string; sessionId?: string };

/** Per request: the shared service deps plus who is asking and the request id carried into logs and rows. */
export type TrpcContext = ServiceDeps & {
  requestId: string;
  app: "web" | "admin" | "test";
  player: PlayerActor | null;
  /** The staff member behind the admin session cookie (admin app; null when signed out). */
  staff?: StaffActor | null;
  /** The caller's address and user agent, for staff sessions and the audit trail. */
  client?: { ip: string | null; userAgent: string | null };
  /** Sets or clears the admin session cookie on the HTTP response (absent for in-process callers). */
  staffCookie?: StaffCookieWriter;
};

export type StaffCookieWriter = { set: (token: string, expiresAt: Date) => void; clear: () => void };

/** What a procedure declares about access; admin procedures declare a permission (or a sign-in step). */
export type ProcedureMeta = { permission?: Permission; access?: "anonymous" | "mfa-pending" };

const t = initTRPC
  .context<TrpcContext>()
  .meta<ProcedureMeta>()
  .create({
    // superjson carries bigint and Date intact, so money and UTC instants survive the wire.
    transformer: superjson,
    errorFormatter: ({ shape, error }) => {
      const domainCode = error.cause instanceof DomainError ? error.cause.code : undefined;
      return {
        message:
          domainCode === "INTERNAL" || shape.data.code === "INTERNAL_SERVER_ERROR" ? "Internal error" : shape.message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          /** The stable code clients translate (`errors.<domainCode>`). */
          domainCode:
            domainCode ??
            (error.cause instanceof ZodError
              ? "INVALID_INPUT"
              : shape.data.code === "INTERNAL_SERVER_ERROR"
                ? "INTERNAL"
                : undefined),
          zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        },
      };
    },
  });

/**
 * Logs every call (path, duration, outcome; the request id comes from the request context) and maps every
 * DomainError onto its transport code once; unknown errors are logged with their cause, never sent.
 */
const errorMapping = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const result = await next();
  ctx.logger.info(
    {
      path,
      type,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ok: result.ok,
      code: result.ok
        ? undefined
        : result.error.cause instanceof DomainError
          ? result.error.cause.code
          : result.error.code,
    },
    "trpc",
  );
  if (!result.ok) {
    const cause = result.error.cause;
    if (result.error.code === "INTERNAL_SERVER_ERROR" || cause instanceof DomainError) {
      const domainError = toDomainError(cause ?? result.error);
      if (domainError.code === "INTERNAL") {
        ctx.logger.error({ err: cause ?? result.error, path, requestId: ctx.requestId }, "unhandled error");
      }
      throw new TRPCError({
        code: transportOf[domainError.code].trpc,
        message: domainError.message,
        cause: domainError,
      });
    }
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(errorMapping);

/** Player procedures: a signed-in player, on the player app; every service call is scoped to them. */
export const playerProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.player || ctx.app === "admin") throw new DomainError("UNAUTHENTICATED");
  return next({ ctx: { ...ctx, player: ctx.player } });
});

// ─── Back office (admin.*): staff sessions, MFA, permissions; every refusal is audited ───────────────────

/** Admin procedures answer on the admin app only; a call from the player app (a player session) is refused. */
const adminAppProcedure = publicProcedure.use(async ({ ctx, next, path, getRawInput }) => {
  const audit = auditContextOf(ctx);
  if (ctx.app === "web") {
    return refuseAndAudit(ctx, audit, {
      path,
      code: "FORBIDDEN",
      reason: "admin procedure called from the player app",
      getRawInput,
    });
  }
  return next({ ctx: { ...ctx, audit, staff: ctx.staff ?? null } });
});

/** Sign-in steps that need no session (`admin.auth.signIn`, `admin.auth.me`). */
export const staffAnonymousProcedure = adminAppProcedure.meta({ access: "anonymous" });

/** The MFA steps: a password-verified staff session whose TOTP step may still be open. */
export const staffMfaProcedure = adminAppProcedure
  .meta({ access: "mfa-pending" })
  .use(async ({ ctx, next, path, getRawInput }) => {
    if (!ctx.staff)
      return refuseAndAudit(ctx, ctx.audit, { path, code: "UNAUTHENTICATED", reason: "no staff session", getRawInput });
    return next({ ctx: { ...ctx, staff: ctx.staff } });
  });

/** A signed-in staff member whose session passed MFA. Only used through `withPermission`. */
const staffProcedure = adminAppProcedure.use(async ({ ctx, next, path, getRawInput }) => {
  if (!ctx.staff)
    return refuseAndAudit(ctx, ctx.audit, { path, code: "UNAUTHENTICATED", reason: "no staff session", getRawInput });
  if (!ctx.staff.isMfaComplete) {
    return refuseAndAudit(ctx, ctx.audit, { path, code: "MFA_REQUIRED", reason: "MFA not completed", getRawInput });
  }
  return next({ ctx: { ...ctx, staff: ctx.staff } });
});

/**
 * An admin procedure guarded by one permission of the policy file (domains/staff/policy.ts): declared in the
 * procedure's meta, so tests can walk every procedure × role, and checked here on every call. A mutation that
 * then fails (bad input, four-eyes, conflict) is audited as a denied attempt.
 */
export const withPermission = (permission: Permission) =>
  staffProcedure.meta({ permission }).use(async ({ ctx, next, path, type, getRawInput }) => {
    if (!hasPermission(ctx.staff.roles, permission)) {
      return refuseAndAudit(ctx, ctx.audit, {
        path,
        code: "FORBIDDEN",
        reason: `missing permission ${permission}`,
        getRawInput,
      });
    }
    if (ctx.staff.mustChangePassword && !allowedBeforePasswordChange.includes(permission)) {
      return refuseAndAudit(ctx, ctx.audit, {
        path,
        code: "PASSWORD_CHANGE_REQUIRED",
        reason: "one-time password",
        getRawInput,
      });
    }
    const result = await next();
    if (!result.ok && type === "mutation")
      await auditFailedMutation(ctx, ctx.audit, { path, error: result.error, getRawInput });
    return result;
  });
