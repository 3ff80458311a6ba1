import { DomainError, parseMoney } from "@pitboss/db";
import { writeAudit } from "../audit/write-audit";
import { staffSettingsOf } from "../staff/settings";
import type { StaffDeps } from "../staff/staff.types";
import { type AdjustmentRow, findAdjustmentByKey, lockRequesterPlayer, sumAdjustedSince } from "./adjustments.repo";
import { type RequestAdjustmentInput, requestAdjustmentInput } from "./adjustments.schemas";
import { adjustmentView, executeAdjustment } from "./execute-adjustment";
import { approvalWindowStart, needsSecondApprover } from "./four-eyes";

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

/**
 * A manual adjustment with a reason code. It is posted at once while it, plus what the same requester already
 * adjusted for this player in this currency in the last 24 hours, stays at or below the currency's four-eyes
 * threshold; above it (or in a currency without a threshold) it waits for a second FINANCE or ADMIN user. The
 * decision is taken under a per (requester, player) lock, so parallel requests cannot each slip under it. The
 * requester's idempotency key makes a double submit return the first request (and finish posting it if an earlier
 * attempt was interrupted); the same key for another request is refused.
 */
export const requestAdjustment = async (deps: StaffDeps, rawInput: RequestAdjustmentInput) => {
  const input = requestAdjustmentInput.parse(rawInput);
  const { amountMinor } = parseMoney(input.amount, input.currency);
  if (amountMinor === 0n) throw new DomainError("INVALID_AMOUNT", { message: "the amount cannot be zero" });
  const threshold = staffSettingsOf(deps).adjustmentApprovalAbove[input.currency];

  const replay = async (row: AdjustmentRow) => {
    const same =
      row.playerId === input.playerId &&
      row.currency === input.currency &&
      row.amountMinor === amountMinor &&
      row.reasonCode === input.reasonCode &&
      row.note === input.note;
    if (!same) throw new DomainError("IDEMPOTENCY_KEY_REUSED");
    // APPROVED means an earlier attempt stopped before posting (nothing moved): the retry finishes it.
    return { ...adjustmentView(await executeAdjustment(deps, row), deps.staff.id), isReplay: true };
  };
  const existing = await findAdjustmentByKey(deps.db.prisma, deps.staff.id, input.idempotencyKey);
  if (existing) return replay(existing);

  let row: AdjustmentRow;
  try {
    row = await deps.db.prisma.$transaction(async (tx) => {
      if (!(await tx.player.findUnique({ where: { id: input.playerId }, select: { id: true } }))) {
        throw new DomainError("NOT_FOUND");
      }
      await lockRequesterPlayer(tx, deps.staff.id, input.playerId);
      const now = deps.now();
      const adjustedInWindowMinor = await sumAdjustedSince(tx, {
        requestedBy: deps.staff.id,
        playerId: input.playerId,
        currency: input.currency,
        since: approvalWindowStart(now),
      });
      const requiresApproval = needsSecondApprover({ thresholdMinor: threshold, adjustedInWindowMinor, amountMinor });
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
          requestedAt: now,
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
          adjustedInWindowMinor,
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
  // Below the threshold the request was created APPROVED; executeAdjustment leaves a PENDING one as it is.
  const final = await executeAdjustment(deps, row);
  return { ...adjustmentView(final, deps.staff.id), isReplay: false };
};
