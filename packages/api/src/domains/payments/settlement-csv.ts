/**
 * A provider settlement report, CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF). The header names the
 * columns in any order; these must be present.
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

/** Splits CSV text into records of fields; null when a quote is left open. */
export const parseCsv = (text: string): string[][] | null => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let isQuoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (isQuoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') isQuoted = false;
      else field += char;
    } else if (char === '"' && field === "") isQuoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += char;
  }
  if (isQuoted) return null;
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  // Blank lines carry nothing.
  return records.filter((r) => !(r.length === 1 && r[0]?.trim() === ""));
};

export type SettlementLine = { line: number; fields: Record<SettlementColumn, string> | null };

/** The report's lines as named fields (null for a line with the wrong number of fields), or null without a header. */
export const readSettlementReport = (text: string): SettlementLine[] | null => {
  const records = parseCsv(text.replace(/^\uFEFF/, ""));
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
