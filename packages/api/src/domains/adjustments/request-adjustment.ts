import { DomainError, parseMoney } from "@pitboss/db";
import { writeAudit } from "../audit/write-audit";
import { staffSettingsOf } from "../staff/settings";
import type { StaffDeps } from "../staff/staff.types";
import { type AdjustmentRow, findAdjustmentByKey } from "./adjustments.repo";
import { type RequestAdjustmentInput, requestAdjustmentInput } from "./adjustments.schemas";
import { adjustmentView, executeAdjustment } from "./execute-adjustment";

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";
const abs = (value: bigint) => (value < 0n ? -value : value);

/**
 * A manual adjustment with a reason code. At or below the currency's four-eyes threshold it is posted at once;
 * above it (or in a currency without a threshold) it waits for a second FINANCE or ADMIN user. The requester's
 * idempotency key makes a double submit return the first request; the same key for another request is refused.
 */
export const requestAdjustment = async (deps: StaffDeps, rawInput: RequestAdjustmentInput) => {
  const input = requestAdjustmentInput.parse(rawInput);
  const { amountMinor } = parseMoney(input.amount, input.currency);
  if (amountMinor === 0n) throw new DomainError("INVALID_AMOUNT", { message: "the amount cannot be zero" });
  const threshold = staffSettingsOf(deps).adjustmentApprovalAbove[input.currency];
  const requiresApproval = threshold === undefined || abs(amountMinor) > threshold;

  const replay = (row: AdjustmentRow) => {
    const same =
      row.playerId === input.playerId &&
      row.currency === input.currency &&
      row.amountMinor === amountMinor &&
      row.reasonCode === input.reasonCode &&
      row.note === input.note;
    if (!same) throw new DomainError("IDEMPOTENCY_KEY_REUSED");
    return { ...adjustmentView(row, deps.staff.id), isReplay: true };
  };
  const existing = await findAdjustmentByKey(deps.db.prisma, deps.staff.id, input.idempotencyKey);
  if (existing) return replay(existing);

  let row: AdjustmentRow;
  try {
    row = await deps.db.prisma.$transaction(async (tx) => {
      if (!(await tx.player.findUnique({ where: { id: input.playerId }, select: { id: true } }))) {
        throw new DomainError("NOT_FOUND");
      }
      const created = await tx.adjustmentRequest.create({
        data: {
          id: deps.newId("adjustment"),
          playerId: input.playerId,
          currency: input.currency,
          amountMinor,
          reasonCode: input.reasonCode,
          note: input.note,
          status: requiresApproval ? "PENDING" : "APPROVED",
          requiresApproval,
          requestedBy: deps.staff.id,
          requestedAt: deps.now(),
          idempotencyKey: input.idempotencyKey,
        },
        select: { id: true },
      });
      await writeAudit(tx, deps, deps.audit, {
        action: "wallet.adjustment.request",
        targetType: "player",
        targetId: input.playerId,
        after: {
          adjustmentId: created.id,
          amountMinor,
          currency: input.currency,
          reasonCode: input.reasonCode,
          requiresApproval,
          threshold: threshold ?? null,
        },
        reason: input.note,
      });
      return (await findAdjustmentByKey(tx, deps.staff.id, input.idempotencyKey)) as AdjustmentRow;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findAdjustmentByKey(deps.db.prisma, deps.staff.id, input.idempotencyKey);
    if (!winner) throw error;
    return replay(winner);
  }
  const final = requiresApproval ? row : await executeAdjustment(deps, row);
  return { ...adjustmentView(final, deps.staff.id), isReplay: false };
};
