import { readFile } from "node:fs/promises";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findMigrationsDir } from "./migrate";
import { currencyExponents } from "./money";
import { testDatabaseUrl } from "./testing/database";

/**
 * Prisma's migrate engine cannot be downloaded here, so we prove by hand what `prisma migrate diff` would:
 * the database built by prisma/migrations matches schema.prisma table by table, column by column
 * (type and nullability), enum by enum, index by index and foreign key by foreign key.
 */
type DmmfField = {
  name: string;
  dbName: string | null;
  kind: "scalar" | "object" | "enum";
  isList: boolean;
  isRequired: boolean;
  type: string;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
  dbName?: string;
};
type Dmmf = {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string }[] }[];
    indexes: DmmfIndex[];
  };
};

/** Indexes that exist only in SQL (partial or expression indexes Prisma cannot express); each says why. */
const sqlOnlyIndexes = new Set<string>([
  // Partial (WHERE lifted_at IS NULL): at most one active restriction of each type per player.
  "player_restriction_active_key",
]);

/** Relations modelled for queries but with no foreign key in SQL (its per-row check and lock cost the hot path). */
const relationsWithoutForeignKey = new Set<string>([
  // The posting trigger checks the transaction exists, once per statement (migration 20261121110000_lean_hot_path).
  "posting(txn_id)",
]);

const expectedColumnType = (field: DmmfField, enums: Map<string, string>): string => {
  const native = field.nativeType?.[0];
  const base = (() => {
    if (field.kind === "enum") return enums.get(field.type) ?? field.type;
    switch (field.type) {
      case "String":
        return native === "VarChar" ? "varchar" : native === "Char" ? "bpchar" : "text";
      case "Int":
        return native === "SmallInt" ? "int2" : "int4";
      case "BigInt":
        return "int8";
      case "Boolean":
        return "bool";
      case "DateTime":
        return native === "Date" ? "date" : native === "Timestamptz" ? "timestamptz" : "timestamp";
      case "Json":
        return "jsonb";
      case "Decimal":
        return "numeric";
      case "Bytes":
        return "bytea";
      default:
        return `unknown:${field.type}`;
    }
  })();
  return field.isList ? `_${base}` : base;
};

let client: pg.Client;
let dmmf: Dmmf;

beforeAll(async () => {
  client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  const schemaPath = path.join(path.dirname(findMigrationsDir()), "schema.prisma");
  dmmf = JSON.parse(
    get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", await readFile(schemaPath, "utf8")]] })),
  );
});
afterAll(() => client.end());

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (field: DmmfField) => field.dbName ?? field.name;

describe("schema.prisma and prisma/migrations describe the same database", () => {
  it("has exactly the modelled tables", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'",
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(dmmf.datamodel.models.map(tableOf).sort());
  });

  it("has the modelled enums with the same values in the same order", async () => {
    for (const modelEnum of dmmf.datamodel.enums) {
      const { rows } = await client.query<{ label: string }>(
        "SELECT e.enumlabel AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder",
        [modelEnum.dbName ?? modelEnum.name],
      );
      expect(
        rows.map((r) => r.label),
        modelEnum.name,
      ).toEqual(modelEnum.values.map((v) => v.name));
    }
  });

  it("has every column with the modelled type and nullability, and no other column", async () => {
    const enums = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
    for (const model of dmmf.datamodel.models) {
      const { rows } = await client.query<{ column_name: string; udt_name: string; is_nullable: "YES" | "NO" }>(
        "SELECT column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
        [tableOf(model)],
      );
      const actual = Object.fromEntries(
        rows.map((r) => [r.column_name, `${r.udt_name} ${r.is_nullable === "NO" ? "NOT NULL" : "NULL"}`]),
      );
      const expected = Object.fromEntries(
        model.fields
          .filter((f) => f.kind !== "object")
          .map((f) => [
            columnOf(f),
            `${expectedColumnType(f, enums)} ${f.isRequired && !f.isList ? "NOT NULL" : "NULL"}`,
          ]),
      );
      expect(actual, tableOf(model)).toEqual(expected);
    }
  });

  it("has exactly the modelled primary keys, unique constraints and indexes", async () => {
    const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
    const expected = dmmf.datamodel.indexes.map((index) => {
      const model = models.get(index.model) as DmmfModel;
      const columns = index.fields.map((f) =>
        columnOf(model.fields.find((field) => field.name === f.name) as DmmfField),
      );
      return `${tableOf(model)}(${columns.join(",")}) ${index.type === "normal" ? "index" : index.type === "id" ? "primary" : "unique"}`;
    });
    const { rows } = await client.query<{
      name: string;
      table_name: string;
      columns: string[];
      is_unique: boolean;
      is_primary: boolean;
    }>(`
      SELECT i.relname AS name, t.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
             array_agg(a.attname::text ORDER BY k.ordinality) AS columns
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ordinality)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname <> '_prisma_migrations'
      GROUP BY i.relname, t.relname, ix.indisunique, ix.indisprimary`);
    const actual = rows
      .filter((r) => !sqlOnlyIndexes.has(r.name))
      .map(
        (r) => `${r.table_name}(${r.columns.join(",")}) ${r.is_primary ? "primary" : r.is_unique ? "unique" : "index"}`,
      );
    expect(actual.sort()).toEqual(expected.sort());
  });

  it("has a foreign key for every modelled relation", async () => {
    const { rows } = await client.query<{ table_name: string; columns: string }>(`
      SELECT c.conrelid::regclass::text AS table_name,
             string_agg(a.attname, ',' ORDER BY k.ordinality) AS columns
      FROM pg_constraint c
      CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
      GROUP BY c.oid, c.conrelid`);
    const actual = rows.map((r) => `${r.table_name.replaceAll('"', "")}(${r.columns})`).sort();
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind === "object" && (f.relationFromFields?.length ?? 0) > 0)
          .map((f) => {
            const columns = (f.relationFromFields ?? []).map((name) =>
              columnOf(model.fields.find((x) => x.name === name) as DmmfField),
            );
            return `${tableOf(model)}(${columns.join(",")})`;
          }),
      )
      .filter((relation) => !relationsWithoutForeignKey.has(relation))
      .sort();
    expect(actual).toEqual(expected);
  });
});

describe("reference data", () => {
  it("the currency table and the code's exponent table agree", async () => {
    const { rows } = await client.query<{ code: string; exponent: number }>(
      "SELECT code, exponent FROM currency ORDER BY code",
    );
    expect(Object.fromEntries(rows.map((r) => [r.code, r.exponent]))).toEqual(currencyExponents);
  });
});
