import {
  decideAdjustmentInput,
  listAdjustmentsInput,
  requestAdjustmentInput,
} from "../../domains/adjustments/adjustments.schemas";
import { approveAdjustment, rejectAdjustment } from "../../domains/adjustments/decide-adjustment";
import { listAdjustments } from "../../domains/adjustments/list-adjustments";
import { requestAdjustment } from "../../domains/adjustments/request-adjustment";
import { createTRPCRouter, withPermission } from "../../trpc";

/** Manual balance adjustments with four-eyes approval above the threshold. */
export const adminAdjustmentRouter = createTRPCRouter({
  list: withPermission("wallet.read")
    .input(listAdjustmentsInput)
    .query(({ ctx, input }) => listAdjustments(ctx, input)),
  create: withPermission("wallet.adjust")
    .input(requestAdjustmentInput)
    .mutation(({ ctx, input }) => requestAdjustment(ctx, input)),
  approve: withPermission("wallet.approve")
    .input(decideAdjustmentInput)
    .mutation(({ ctx, input }) => approveAdjustment(ctx, input)),
  reject: withPermission("wallet.approve")
    .input(decideAdjustmentInput)
    .mutation(({ ctx, input }) => rejectAdjustment(ctx, input)),
});
