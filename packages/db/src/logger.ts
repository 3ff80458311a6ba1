import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

/** What one request carries through every layer: its id appears in each log line and in the rows it writes. */
export type RequestContext = { requestId: string; actorId?: string };

const requestStorage = new AsyncLocalStorage<RequestContext>();

export const runWithRequestContext = <T>(context: RequestContext, fn: () => T): T => requestStorage.run(context, fn);
export const currentRequestContext = (): RequestContext | undefined => requestStorage.getStore();

export type Logger = pino.Logger;

/** JSON logs; secrets and personal data are redacted by path so a careless log call cannot leak them. */
export const createLogger = (options: { level?: string; name?: string } = {}): Logger =>
  pino({
    name: options.name ?? "pitboss",
    level: options.level ?? "info",
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const context = requestStorage.getStore();
      return context ? { requestId: context.requestId, actorId: context.actorId } : {};
    },
    redact: {
      paths: [
        "password",
        "*.password",
        "passwordHash",
        "*.passwordHash",
        "mfaSecret",
        "*.mfaSecret",
        "token",
        "*.token",
        "authorization",
        "*.authorization",
        "headers.cookie",
      ],
      censor: "[redacted]",
    },
  });
