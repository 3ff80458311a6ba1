import { DomainError, exponentOf } from "@pitboss/db";
import { writeAudit } from "../audit/write-audit";
import { inMoneyTransaction } from "../money-transaction";
import { isIndependentOf } from "../staff/independent-decider";
import type { StaffDeps } from "../staff/staff.types";
import { postTransfer } from "../wallet/post-transfer";
import type { PostTransferInput } from "../wallet/wallet.schemas";
import { type AdjustmentRow, findAdjustment, lockAdjustmentStatus, markExecuted, transition } from "./adjustments.repo";

/** Ledger refusals that end a request as FAILED (nothing moved); anything else leaves it APPROVED to retry. */
const finalLedgerRefusals = new Set(["INSUFFICIENT_FUNDS", "UNKNOWN_CURRENCY", "INVALID_INPUT", "UNBALANCED_TRANSFER"]);

const isFinalLedgerRefusal = (error: unknown): error is DomainError =>
  error instanceof DomainError && finalLedgerRefusals.has(error.code);

/**
 * A request as staff see it. `canDecide`: the viewer may approve or reject it now, which needs a pending request, a
 * viewer other than the requester and (`linkedToViewer`, staffLinkedByCreation of the viewer) independent of them.
 */
export const adjustmentView = (
  row: AdjustmentRow,
  viewerId?: string,
  linkedToViewer: ReadonlySet<string> = new Set(),
) => ({
  ...row,
  exponent: exponentOf(row.currency),
  isOwnRequest: viewerId === row.requestedBy,
  canDecide:
    row.status === "PENDING" &&
    viewerId !== undefined &&
    viewerId !== row.requestedBy &&
    isIndependentOf(linkedToViewer, [row.requestedBy]),
});
export type AdjustmentView = ReturnType<typeof adjustmentView>;

/**
 * The ledger transfer of a request: player CASH ↔ house MANUAL_ADJUSTMENT, kind ADJUSTMENT. Built only from fields
 * that no longer change once a request is APPROVED, so every attempt sends the same request to the ledger, whose
 * idempotency key (the request id) then moves the money once.
 */
export const adjustmentTransfer = (row: AdjustmentRow): PostTransferInput => ({
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

/**
 * The posting, APPROVED → EXECUTED and the `wallet.adjustment.execute` row, in one database transaction: a crash or
 * error anywhere in it leaves the request APPROVED with nothing moved, ready to be resumed. The row lock makes
 * whoever gets it first the only one posting; the others find the request no longer APPROVED and do nothing.
 */
const postAndRecord = (deps: StaffDeps, row: AdjustmentRow) =>
  inMoneyTransaction(deps, async (tx) => {
    if ((await lockAdjustmentStatus(tx, row.id)) !== "APPROVED") return;
    const result = await postTransfer(tx.ledger, adjustmentTransfer(row));
    await markExecuted(tx, row.id, result.txnId);
    const cash = result.postings.find((p) => p.owner === "PLAYER");
    await writeAudit(tx.audit, deps, deps.audit, {
      action: "wallet.adjustment.execute",
      targetType: "player",
      targetId: row.playerId,
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
  });

/** The ledger refused for good (its transaction rolled back, nothing moved): APPROVED → FAILED, audited as denied. */
const recordRefusal = (deps: StaffDeps, row: AdjustmentRow, code: string) =>
  deps.db.prisma.$transaction(async (tx) => {
    if (await transition(tx, row.id, "APPROVED", { status: "FAILED", failureCode: code })) {
      await writeAudit(tx, deps, deps.audit, {
        action: "wallet.adjustment.execute",
        outcome: "DENIED",
        targetType: "player",
        targetId: row.playerId,
        before: { status: "APPROVED" },
        after: { adjustmentId: row.id, status: "FAILED" },
        errorCode: code,
        reason: "the ledger refused the transfer",
      });
    }
  });

/**
 * Posts an APPROVED request to the ledger and records it (see postAndRecord). However often this runs (a retry,
 * two approvers racing, a resume after a crash) the money moves once, together with its EXECUTED status and audit
 * row. Ends EXECUTED with the transaction id, or FAILED with the ledger's reason; any other error leaves it
 * APPROVED, and calling this again finishes it. A request in any other status is returned as it is.
 */
export const executeAdjustment = async (deps: StaffDeps, row: AdjustmentRow): Promise<AdjustmentRow> => {
  if (row.status !== "APPROVED") return row;
  try {
    await postAndRecord(deps, row);
  } catch (error) {
    if (!isFinalLedgerRefusal(error)) throw error;
    await recordRefusal(deps, row, error.code);
  }
  const after = await findAdjustment(deps.db.prisma, row.id);
  if (!after) throw new DomainError("INTERNAL", { message: `adjustment ${row.id} vanished` });
  return after;
};
