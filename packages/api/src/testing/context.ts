import { createLogger, newId, systemClock } from "@pitboss/db";
import { createTestDb } from "@pitboss/db/testing";
import type { ServiceDeps } from "../deps";
import { createCaller } from "../root";

/** Real deps against the test database (DATABASE_URL from `with-database --fresh`); logs kept quiet. */
export const createTestDeps = (overrides: Partial<ServiceDeps> = {}): ServiceDeps => ({
  db: createTestDb(),
  now: systemClock,
  newId,
  logger: createLogger({ level: "silent" }),
  ...overrides,
});

export const createTestCaller = (
  deps: ServiceDeps,
  options: { app?: "web" | "admin" | "test"; playerId?: string } = {},
) =>
  createCaller({
    ...deps,
    requestId: newId("request"),
    app: options.app ?? "test",
    player: options.playerId ? { id: options.playerId } : null,
  });
