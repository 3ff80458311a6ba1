import { parseCsv } from "../../lib/csv";

/**
 * A provider settlement report, CSV (RFC 4180, read by lib/csv). The header names the columns in any order; these
 * must be present.
 */
export const settlementColumns = [
  "provider_reference",
  "merchant_reference",
  "type",
  "amount_minor",
  "currency",
  "status",
  "settled_at",
] as const;
export type SettlementColumn = (typeof settlementColumns)[number];

export type SettlementLine = { line: number; fields: Record<SettlementColumn, string> | null };

/**
 * The report's lines as named fields (null for a line with the wrong number of fields); null for a report that
 * cannot be read (a quoted field never closed) or whose header lacks a required column.
 */
export const readSettlementReport = (text: string): SettlementLine[] | null => {
  const records = parseCsv(text);
  const [header, ...rows] = records ?? [];
  if (!header) return null;
  const names = header.map((name) => name.trim().toLowerCase());
  const index = Object.fromEntries(settlementColumns.map((column) => [column, names.indexOf(column)])) as Record<
    SettlementColumn,
    number
  >;
  if (Object.values(index).some((i) => i < 0)) return null;
  return rows.map((row, i) => ({
    line: i + 1,
    fields:
      row.length === header.length
        ? (Object.fromEntries(settlementColumns.map((column) => [column, (row[index[column]] ?? "").trim()])) as Record<
            SettlementColumn,
            string
          >)
        : null,
  }));
};
