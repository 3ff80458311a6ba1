import { approveWithdrawal, rejectWithdrawal, resolveHeldWithdrawal } from "../../domains/payments/decide-withdrawal";
import { importSettlement } from "../../domains/payments/import-settlement";
import {
  approveWithdrawalInput,
  importSettlementInput,
  paymentIdInput,
  reconciliationRunInput,
  rejectWithdrawalInput,
  resolveHeldInput,
  searchPaymentsInput,
} from "../../domains/payments/payments.schemas";
import {
  getPaymentDetail,
  getReconciliationRun,
  listPaymentQueue,
  listReconciliationRuns,
  searchPayments,
} from "../../domains/payments/staff-payments";
import { createTRPCRouter, withPermission } from "../../trpc";

/** Finance: the withdrawal queue, held payouts, payment search and detail, settlement reconciliation. */
export const adminPaymentsRouter = createTRPCRouter({
  queue: withPermission("payments.read").query(({ ctx }) => listPaymentQueue(ctx)),
  search: withPermission("payments.read")
    .input(searchPaymentsInput)
    .query(({ ctx, input }) => searchPayments(ctx, input)),
  detail: withPermission("payments.read")
    .input(paymentIdInput)
    .query(({ ctx, input }) => getPaymentDetail(ctx, input)),
  approve: withPermission("payments.approve")
    .input(approveWithdrawalInput)
    .mutation(({ ctx, input }) => approveWithdrawal(ctx, input)),
  reject: withPermission("payments.approve")
    .input(rejectWithdrawalInput)
    .mutation(({ ctx, input }) => rejectWithdrawal(ctx, input)),
  resolveHeld: withPermission("payments.approve")
    .input(resolveHeldInput)
    .mutation(({ ctx, input }) => resolveHeldWithdrawal(ctx, input)),
  importSettlement: withPermission("payments.reconcile")
    .input(importSettlementInput)
    .mutation(({ ctx, input }) => importSettlement(ctx, input)),
  reconciliationRuns: withPermission("payments.read").query(({ ctx }) => listReconciliationRuns(ctx)),
  reconciliationRun: withPermission("payments.read")
    .input(reconciliationRunInput)
    .query(({ ctx, input }) => getReconciliationRun(ctx, input)),
});
