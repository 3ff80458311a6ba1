import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { ServiceDeps } from "./deps";
import { DomainError, toDomainError, transportOf } from "./errors";

/** The signed-in player, resolved from the player app's session (null when signed out). */
export type PlayerActor = { id: string; sessionId?: string };

/** Per request: the shared service deps plus who is asking and the request id carried into logs and rows. */
export type TrpcContext = ServiceDeps & {
  requestId: string;
  app: "web" | "admin" | "test";
  player: PlayerActor | null;
};

const t = initTRPC.context<TrpcContext>().create({
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
