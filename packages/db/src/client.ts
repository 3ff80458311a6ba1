import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";

/**
 * Type parsers for the pool's own queries (the money hot path): int8 and numeric arrive as bigint instead of
 * strings. Per query, never global: Prisma's adapter parses its own results and must not see bigint.
 */
export const bigintTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8
      ? (value: string) => BigInt(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * One pool per process, shared by Prisma (through the pg adapter) and by the money hot path, which calls
 * database functions directly: one round trip per command, no interactive transaction holding row locks.
 */
export type Db = {
  prisma: PrismaClient;
  pool: pg.Pool;
  close: () => Promise<void>;
};

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export const createDb = (options: { url: string; maxConnections?: number; applicationName?: string }): Db => {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? "pitboss",
    idleTimeoutMillis: 30_000,
  });
  // A dropped connection must not crash the process; the next query gets a fresh one.
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
};
