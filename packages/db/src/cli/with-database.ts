import { spawn } from "node:child_process";
import { createDb } from "../client";
import { migrate } from "../migrate";
import { provisionDatabase } from "../provision";
import { seedDemoData } from "../seed/seed";
import { runCli } from "./run-cli";

/**
 * with-database [--fresh] [--seed] -- <command…>
 * Runs a command with DATABASE_URL pointing at a migrated database: with --fresh a new one for this run
 * (on the DATABASE_URL server, or an embedded one), dropped afterwards whatever the command's outcome.
 */
runCli("with-database", async () => {
  const args = process.argv.slice(2);
  const separator = args.indexOf("--");
  const flags = separator === -1 ? args : args.slice(0, separator);
  const command = separator === -1 ? [] : args.slice(separator + 1);
  const [program, ...programArgs] = command;
  if (!program) throw new Error("usage: with-database [--fresh] [--seed] -- <command…>");

  const database = await provisionDatabase(flags.includes("--fresh") ? "fresh" : "persistent");
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await database.release();
  };
  try {
    await migrate(database.url);
    if (flags.includes("--seed")) {
      const db = createDb({ url: database.url });
      await seedDemoData(db).finally(() => db.close());
    }
    const child = spawn(program, programArgs, {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: database.url },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    const code = await new Promise<number>((resolve) => {
      child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
      child.on("error", (error) => {
        console.error(`with-database: cannot run ${program}: ${error.message}`);
        resolve(127);
      });
    });
    return code;
  } finally {
    await release();
  }
});
