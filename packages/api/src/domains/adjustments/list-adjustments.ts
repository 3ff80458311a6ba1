import { staffLinkedByCreation } from "../staff/staff.repo";
import type { StaffDeps } from "../staff/staff.types";
import { listAdjustments as findAdjustments } from "./adjustments.repo";
import { type ListAdjustmentsInput, listAdjustmentsInput } from "./adjustments.schemas";
import { adjustmentView } from "./execute-adjustment";

/** The adjustment queue (newest first), filtered by status and/or player; `canDecide` is per viewer. */
export const listAdjustments = async (deps: Pick<StaffDeps, "db" | "staff">, rawInput: ListAdjustmentsInput) => {
  const input = listAdjustmentsInput.parse(rawInput);
  const rows = await findAdjustments(
    deps.db,
    { ...(input.status ? { status: input.status } : {}), ...(input.playerId ? { playerId: input.playerId } : {}) },
    input.limit,
  );
  const linked = await staffLinkedByCreation(deps.db.prisma, deps.staff.id);
  return rows.map((row) => adjustmentView(row, deps.staff.id, linked));
};
