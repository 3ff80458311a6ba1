import type { ServiceDeps } from "../../deps";
import { auditWhere, findAuditRows } from "./audit.repo";
import { type ListAuditInput, listAuditInput } from "./audit.schemas";

/** One page of the audit trail, newest first, with the seq to continue after. */
export const listAudit = async ({ db }: Pick<ServiceDeps, "db">, rawInput: ListAuditInput) => {
  const input = listAuditInput.parse(rawInput);
  const rows = await findAuditRows(db, auditWhere(input, input.cursor), input.limit + 1);
  const page = rows.slice(0, input.limit);
  return { items: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.seq ?? null) : null };
};
