import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in order and records them in Prisma's own
 * `_prisma_migrations` table (same columns, sha256 checksums), so `prisma migrate deploy` stays usable
 * wherever Prisma's schema engine can be downloaded. Each migration runs in its own transaction; an
 * advisory lock keeps two processes from migrating at once.
 */
/**
 * prisma/migrations, found upwards from the working directory (the repo root, an app or a package), so it
 * resolves the same under tsx, vitest and a bundled `next start`. PITBOSS_MIGRATIONS_DIR overrides it.
 */
export const findMigrationsDir = (from = process.cwd()): string => {
  if (process.env.PITBOSS_MIGRATIONS_DIR) return process.env.PITBOSS_MIGRATIONS_DIR;
  for (let dir = path.resolve(/*turbopackIgnore: true*/ from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "prisma", "migrations");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`no prisma/migrations folder above ${from}`);
  }
};

const prismaMigrationsTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

const migrationLockKey = 7_262_017_001;

export type Migration = { name: string; sql: string; checksum: string };

export const readMigrations = async (dir = findMigrationsDir()): Promise<Migration[]> => {
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
};

export type MigrationStatus = { applied: string[]; pending: string[]; modified: string[] };

export const migrationStatus = async (
  client: Pick<pg.ClientBase, "query">,
  dir = findMigrationsDir(),
): Promise<MigrationStatus> => {
  const migrations = await readMigrations(dir);
  const exists = await client.query<{ exists: boolean }>(
    "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
  );
  const rows = exists.rows[0]?.exists
    ? (
        await client.query<{ migration_name: string; checksum: string }>(
          "SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
        )
      ).rows
    : [];
  const appliedChecksums = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  return {
    applied: migrations.filter((m) => appliedChecksums.has(m.name)).map((m) => m.name),
    pending: migrations.filter((m) => !appliedChecksums.has(m.name)).map((m) => m.name),
    modified: migrations
      .filter((m) => appliedChecksums.has(m.name) && appliedChecksums.get(m.name) !== m.checksum)
      .map((m) => m.name),
  };
};

export const migrate = async (url: string, options: { dir?: string; log?: (line: string) => void } = {}) => {
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: url, application_name: "pitboss-migrate" });
  await client.connect();
  try {
    await client.query("SET client_min_messages = warning");
    await client.query("SELECT pg_advisory_lock($1)", [migrationLockKey]);
    await client.query(prismaMigrationsTable);
    const status = await migrationStatus(client, options.dir);
    if (status.modified.length > 0) {
      throw new Error(
        `applied migrations were edited afterwards: ${status.modified.join(", ")}; add a new migration instead`,
      );
    }
    const migrations = (await readMigrations(options.dir)).filter((m) => status.pending.includes(m.name));
    for (const migration of migrations) {
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(
          "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())",
          [id, migration.checksum, migration.name],
        );
        await client.query(migration.sql);
        await client.query("UPDATE _prisma_migrations SET finished_at = now(), applied_steps_count = 1 WHERE id = $1", [
          id,
        ]);
        await client.query("COMMIT");
        log(`applied ${migration.name}`);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    return migrations.map((m) => m.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [migrationLockKey]).catch(() => {});
    await client.end();
  }
};
