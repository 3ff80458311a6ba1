import { exportAuditInput, listAuditInput } from "../../domains/audit/audit.schemas";
import { exportAudit } from "../../domains/audit/export-audit";
import { listAudit } from "../../domains/audit/list-audit";
import { verifyAudit } from "../../domains/audit/verify-audit";
import { createTRPCRouter, withPermission } from "../../trpc";

export const adminAuditRouter = createTRPCRouter({
  list: withPermission("audit.read")
    .input(listAuditInput)
    .query(({ ctx, input }) => listAudit(ctx, input)),
  /** A mutation: the export itself is written to the trail. */
  export: withPermission("audit.read")
    .input(exportAuditInput)
    .mutation(({ ctx, input }) => exportAudit(ctx, input)),
  verify: withPermission("audit.verify").query(({ ctx }) => verifyAudit(ctx)),
});
