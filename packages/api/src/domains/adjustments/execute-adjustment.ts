import { DomainError, exponentOf } from "@pitboss/db";
import { writeAudit } from "../audit/write-audit";
import type { StaffDeps } from "../staff/staff.types";
import { postTransfer } from "../wallet/post-transfer";
import { type AdjustmentRow, findAdjustment, transition } from "./adjustments.repo";

/** Ledger refusals that end a request as FAILED (nothing moved); anything else leaves it APPROVED to retry. */
const finalLedgerRefusals = new Set(["INSUFFICIENT_FUNDS", "UNKNOWN_CURRENCY", "INVALID_INPUT", "UNBALANCED_TRANSFER"]);

export const adjustmentView = (row: AdjustmentRow, viewerId?: string) => ({
  ...row,
  exponent: exponentOf(row.currency),
  canDecide: row.status === "PENDING" && viewerId !== undefined && viewerId !== row.requestedBy,
});
export type AdjustmentView = ReturnType<typeof adjustmentView>;

/**
 * Posts an APPROVED request to the ledger: player CASH ↔ house MANUAL_ADJUSTMENT, kind ADJUSTMENT. The ledger
 * idempotency key is the request id, so however often this runs (a retry, two approvers racing, a resume after
 * a crash) the money moves once. Ends EXECUTED with the transaction id, or FAILED with the ledger's reason.
 */
export const executeAdjustment = async (deps: StaffDeps, row: AdjustmentRow): Promise<AdjustmentRow> => {
  if (row.status !== "APPROVED") return row;
  const audit = { targetType: "player", targetId: row.playerId };
  try {
    const result = await postTransfer(deps, {
      kind: "ADJUSTMENT",
      playerId: row.playerId,
      currency: row.currency,
      idempotencyKey: row.id,
      idempotencyScope: `adjustment:${row.id}`,
      legs: [
        { playerId: row.playerId, type: "CASH", amountMinor: row.amountMinor },
        { type: "MANUAL_ADJUSTMENT", amountMinor: -row.amountMinor },
      ],
      metadata: {
        adjustmentId: row.id,
        reasonCode: row.reasonCode,
        requestedBy: row.requestedBy,
        approvedBy: row.decidedBy,
      },
    });
    const cash = result.postings.find((p) => p.owner === "PLAYER");
    await deps.db.prisma.$transaction(async (tx) => {
      if (await transition(tx, row.id, "APPROVED", { status: "EXECUTED", txnId: result.txnId })) {
        await writeAudit(tx, deps, deps.audit, {
          ...audit,
          action: "wallet.adjustment.execute",
          before: { status: "APPROVED" },
          after: {
            adjustmentId: row.id,
            status: "EXECUTED",
            txnId: result.txnId,
            amountMinor: row.amountMinor,
            currency: row.currency,
            balanceAfter: cash?.balanceAfter ?? null,
          },
        });
      }
    });
  } catch (error) {
    if (!(error instanceof DomainError) || !finalLedgerRefusals.has(error.code)) throw error;
    await deps.db.prisma.$transaction(async (tx) => {
      if (await transition(tx, row.id, "APPROVED", { status: "FAILED", failureCode: error.code })) {
        await writeAudit(tx, deps, deps.audit, {
          ...audit,
          action: "wallet.adjustment.execute",
          outcome: "DENIED",
          before: { status: "APPROVED" },
          after: { adjustmentId: row.id, status: "FAILED" },
          errorCode: error.code,
          reason: "the ledger refused the transfer",
        });
      }
    });
  }
  const after = await findAdjustment(deps.db.prisma, row.id);
  if (!after) throw new DomainError("INTERNAL", { message: `adjustment ${row.id} vanished` });
  return after;
};
