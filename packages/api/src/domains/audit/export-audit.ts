import type { ServiceDeps } from "../../deps";
import { auditWhere, findAuditRows } from "./audit.repo";
import { type ExportAuditInput, exportAuditInput } from "./audit.schemas";
import type { AuditContext } from "./audit.types";
import { toAuditJson, writeAudit } from "./write-audit";

const columns = [
  "seq",
  "id",
  "createdAt",
  "actorType",
  "actorId",
  "action",
  "outcome",
  "targetType",
  "targetId",
  "reason",
  "errorCode",
  "before",
  "after",
  "ip",
  "userAgent",
  "requestId",
  "hash",
] as const;

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs a cell as a formula. */
const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return "";
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "object"
        ? (toAuditJson(value) ?? "")
        : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The filtered trail as CSV (newest first, up to `limit` rows). The export itself is audited. */
export const exportAudit = async (deps: ServiceDeps & { audit: AuditContext }, rawInput: ExportAuditInput) => {
  const input = exportAuditInput.parse(rawInput);
  const rows = await findAuditRows(deps.db, auditWhere(input), input.limit);
  const csv = [columns.join(","), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(","))].join("\r\n");
  const { limit, ...filters } = input;
  await writeAudit(deps.db.prisma, deps, deps.audit, {
    action: "audit.export",
    after: { filters, limit, rows: rows.length },
  });
  return { filename: `audit-${deps.now().toISOString().slice(0, 19).replaceAll(":", "")}.csv`, csv, rows: rows.length };
};
