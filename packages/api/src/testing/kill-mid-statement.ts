import { randomUUID } from "node:crypto";
import { createDb, type Db } from "@pitboss/db";
import { testDatabaseUrl } from "@pitboss/db/testing";
import { expect } from "vitest";
import type { ServiceDeps } from "../deps";
import { errorCodeOf } from "./wallet";

/**
 * Runs `command` on a connection of its own and kills that connection mid-statement: the posting table is held,
 * so the command stops after its earlier writes (key claim, rows, balance: all uncommitted) while it waits to
 * post, and its backend is then terminated. Returns the error code the command ended with (UNAVAILABLE expected).
 * The command's pool is named for this call, so the backend killed is surely its own and not another test's.
 */
export const killMidStatement = async (deps: ServiceDeps, command: (db: Db) => Promise<unknown>) => {
  const applicationName = `victim-${randomUUID()}`;
  const victim = createDb({ url: testDatabaseUrl(), maxConnections: 1, applicationName });
  await victim.pool.query("SELECT 1");
  const blocker = await deps.db.pool.connect();
  try {
    await blocker.query("BEGIN; LOCK TABLE posting IN EXCLUSIVE MODE");
    const pending = errorCodeOf(command(victim)).finally(() => victim.close());
    let pid: number | undefined;
    for (let i = 0; i < 500 && !pid; i++) {
      const { rows } = await blocker.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
        [applicationName],
      );
      pid = rows[0]?.pid;
      if (!pid) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(pid, "the command never waited on the posting table").toBeDefined();
    await blocker.query("SELECT pg_terminate_backend($1)", [pid]);
    return await pending;
  } finally {
    await blocker.query("ROLLBACK");
    blocker.release();
  }
};
