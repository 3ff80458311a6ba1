import { createLogger, newId, systemClock } from "@pitboss/db";
import { createTestDb } from "@pitboss/db/testing";
import type { ServiceDeps } from "../deps";
import type { StaffActor } from "../domains/staff/staff.types";
import { createCaller } from "../root";
import type { StaffCookieWriter, TrpcContext } from "../trpc";

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
  options: {
    app?: "web" | "admin" | "test";
    playerId?: string;
    /** A staff actor (see testing/staff.ts `signInTestStaff`), as the admin cookie would resolve it. */
    staff?: StaffActor | null;
    client?: TrpcContext["client"];
    staffCookie?: StaffCookieWriter;
  } = {},
) =>
  createCaller({
    ...deps,
    requestId: newId("request"),
    app: options.app ?? "test",
    player: options.playerId ? { id: options.playerId } : null,
    staff: options.staff ?? null,
    client: options.client ?? { ip: "203.0.113.7", userAgent: "vitest" },
    ...(options.staffCookie ? { staffCookie: options.staffCookie } : {}),
  });
