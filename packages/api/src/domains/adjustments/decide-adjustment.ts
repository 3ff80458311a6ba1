import { DomainError } from "@pitboss/db";
import { writeAudit } from "../audit/write-audit";
import { assertIndependentDecider } from "../staff/independent-decider";
import type { StaffDeps } from "../staff/staff.types";
import { type AdjustmentRow, findAdjustment, transition } from "./adjustments.repo";
import { type DecideAdjustmentInput, decideAdjustmentInput } from "./adjustments.schemas";
import { adjustmentView, executeAdjustment } from "./execute-adjustment";

const load = async (deps: StaffDeps, adjustmentId: string): Promise<AdjustmentRow> => {
  const row = await findAdjustment(deps.db.prisma, adjustmentId);
  if (!row) throw new DomainError("NOT_FOUND");
  // Four-eyes: whoever asked never decides (the database refuses it too), nor anyone linked to them by account creation.
  if (row.requestedBy === deps.staff.id) {
    throw new DomainError("SELF_APPROVAL", { message: "a second FINANCE or ADMIN user must decide this request" });
  }
  await assertIndependentDecider(
    deps.db.prisma,
    deps.staff.id,
    [row.requestedBy],
    "a staff member who created the requester's account (or whose account they created) cannot decide this request",
  );
  return row;
};

/**
 * Second approver: PENDING → APPROVED (audited) → posted to the ledger → EXECUTED. Idempotent: approving an
 * executed (or failed) request returns it unchanged, and an approval interrupted before posting is resumed.
 */
export const approveAdjustment = async (deps: StaffDeps, rawInput: DecideAdjustmentInput) => {
  const input = decideAdjustmentInput.parse(rawInput);
  let row = await load(deps, input.adjustmentId);
  if (row.status === "REJECTED") throw new DomainError("CONFLICT", { message: "this request was rejected" });
  if (row.status === "EXECUTED" || row.status === "FAILED")
    return { ...adjustmentView(row, deps.staff.id), isReplay: true };
  if (row.status === "PENDING") {
    const now = deps.now();
    await deps.db.prisma.$transaction(async (tx) => {
      const claimed = await transition(tx, row.id, "PENDING", {
        status: "APPROVED",
        decidedBy: deps.staff.id,
        decidedAt: now,
        decisionNote: input.note ?? null,
      });
      if (!claimed) return;
      await writeAudit(tx, deps, deps.audit, {
        action: "wallet.adjustment.approve",
        targetType: "player",
        targetId: row.playerId,
        before: { adjustmentId: row.id, status: "PENDING", requestedBy: row.requestedBy },
        after: { status: "APPROVED", amountMinor: row.amountMinor, currency: row.currency },
        reason: input.note ?? null,
      });
    });
    row = (await findAdjustment(deps.db.prisma, row.id)) as AdjustmentRow;
    if (row.status === "REJECTED") throw new DomainError("CONFLICT", { message: "this request was rejected" });
  }
  const final = await executeAdjustment(deps, row);
  return { ...adjustmentView(final, deps.staff.id), isReplay: false };
};

/** Second approver says no: PENDING → REJECTED, nothing moves. Rejecting twice is a no-op. */
export const rejectAdjustment = async (deps: StaffDeps, rawInput: DecideAdjustmentInput) => {
  const input = decideAdjustmentInput.parse(rawInput);
  const row = await load(deps, input.adjustmentId);
  if (row.status === "REJECTED") return { ...adjustmentView(row, deps.staff.id), isReplay: true };
  if (row.status !== "PENDING") throw new DomainError("CONFLICT", { message: `this request is already ${row.status}` });
  await deps.db.prisma.$transaction(async (tx) => {
    const rejected = await transition(tx, row.id, "PENDING", {
      status: "REJECTED",
      decidedBy: deps.staff.id,
      decidedAt: deps.now(),
      decisionNote: input.note ?? null,
    });
    if (!rejected) throw new DomainError("CONFLICT", { message: "decided concurrently" });
    await writeAudit(tx, deps, deps.audit, {
      action: "wallet.adjustment.reject",
      targetType: "player",
      targetId: row.playerId,
      before: { adjustmentId: row.id, status: "PENDING" },
      after: { status: "REJECTED" },
      reason: input.note ?? null,
    });
  });
  const final = (await findAdjustment(deps.db.prisma, row.id)) as AdjustmentRow;
  return { ...adjustmentView(final, deps.staff.id), isReplay: false };
};
