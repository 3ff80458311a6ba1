import pg from "pg";
import { createDb } from "../client";
import { migrate } from "../migrate";
import { provisionDatabase } from "../provision";
import { seedDemoData } from "../seed/seed";
import { runCli } from "./run-cli";

// Wipes every table by dropping and recreating the public schema (and the job queue's), then migrates and seeds.
runCli("db:reset", async () => {
  const database = await provisionDatabase("persistent");
  try {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query("SET client_min_messages = warning");
    await client.query("DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    await client.end();
    await migrate(database.url, { log: (line) => console.log(line) });
    const db = createDb({ url: database.url });
    await seedDemoData(db, (line) => console.log(line)).finally(() => db.close());
    console.log("database reset and seeded");
  } finally {
    await database.release();
  }
});
