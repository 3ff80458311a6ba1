import type { ServiceDeps } from "../../deps";
import { findAuditRowById, runAuditVerify } from "./audit.repo";

/**
 * Recomputes the whole chain in the database and names the first row that breaks it (with its content, so
 * the viewer can show what it says now). Intact means every row since the first still hashes to its hash.
 */
export const verifyAudit = async ({ db }: Pick<ServiceDeps, "db">) => {
  const result = await runAuditVerify(db);
  const firstBad = result.firstBadId ? await findAuditRowById(db, result.firstBadId) : null;
  return { ...result, firstBad };
};
