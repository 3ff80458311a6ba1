import { type Clock, createDb, createLogger, type Db, type Logger, type NewId, newId, systemClock } from "@pitboss/db";
import { getServerEnv } from "./env";

/** What every service receives: passing these in keeps services testable without module mocks. */
export type ServiceDeps = { db: Db; now: Clock; newId: NewId; logger: Logger };

// One pool and logger per process; kept on globalThis so `next dev` reloads do not leak pools.
const processGlobals = globalThis as unknown as { pitbossDeps?: ServiceDeps };

export const getServiceDeps = (): ServiceDeps => {
  if (!processGlobals.pitbossDeps) {
    const env = getServerEnv();
    processGlobals.pitbossDeps = {
      db: createDb({ url: env.DATABASE_URL, maxConnections: env.DATABASE_POOL_SIZE }),
      now: systemClock,
      newId,
      logger: createLogger({ level: env.LOG_LEVEL }),
    };
  }
  return processGlobals.pitbossDeps;
};
