import { migrationStatus } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";

export type Readiness = { isReady: boolean; database: "up" | "down"; pendingMigrations: string[] };

/** Ready means: the database answers and every migration in the repo is applied (none edited since). */
export const getReadiness = async ({ db }: Pick<ServiceDeps, "db">): Promise<Readiness> => {
  try {
    const status = await migrationStatus(db.pool);
    const pending = [...status.pending, ...status.modified];
    return { isReady: pending.length === 0, database: "up", pendingMigrations: pending };
  } catch {
    return { isReady: false, database: "down", pendingMigrations: [] };
  }
};
