import { isCurrencyCode } from "@pitboss/db";
import { z } from "zod";

export const paymentDirections = ["DEPOSIT", "WITHDRAWAL"] as const;
export const paymentMethods = ["CARD", "BANK_TRANSFER"] as const;
export const depositStatuses = ["INITIATED", "PENDING", "COMPLETED", "FAILED", "EXPIRED"] as const;
export const withdrawalStatuses = [
  "REQUESTED",
  "AWAITING_APPROVAL",
  "APPROVED",
  "PROCESSING",
  "HELD",
  "PAID",
  "REJECTED",
  "CANCELLED",
  "FAILED",
] as const;
/** Both machines' statuses, in the database enum's order. */
export const paymentStatuses = [
  "INITIATED",
  "PENDING",
  "COMPLETED",
  "EXPIRED",
  "REQUESTED",
  "AWAITING_APPROVAL",
  "APPROVED",
  "PROCESSING",
  "HELD",
  "PAID",
  "REJECTED",
  "CANCELLED",
  "FAILED",
] as const satisfies readonly PaymentStatus[];
/** Why finance refuses a withdrawal: shown to the player (translated), never a free-text note. */
export const rejectionReasons = [
  "REJECTED_KYC_REQUIRED",
  "REJECTED_BONUS_WAGERING",
  "REJECTED_SUSPECTED_FRAUD",
  "REJECTED_PAYMENT_DETAILS",
  "REJECTED_DUPLICATE",
  "REJECTED_OTHER",
] as const;

export type PaymentDirection = (typeof paymentDirections)[number];
export type PaymentMethod = (typeof paymentMethods)[number];
export type PaymentStatus = (typeof depositStatuses)[number] | (typeof withdrawalStatuses)[number];

const id = z.string().min(1).max(64);
const currency = z.string().refine(isCurrencyCode, "unknown currency");
/** Client-generated, one per form submit: a double submit returns the first payment. */
const idempotencyKey = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/);
/** A decimal in major units ("25.00"); checked against the currency's exponent by the service. */
const amount = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d{1,18})?$/, "a positive decimal amount such as 25.00");

export const cashierMethodsInput = z.object({ direction: z.enum(paymentDirections), currency }).strict();
export type CashierMethodsInput = z.input<typeof cashierMethodsInput>;

export const startPaymentInput = z
  .object({ method: z.enum(paymentMethods), amount, currency, idempotencyKey })
  .strict();
export type StartPaymentInput = z.input<typeof startPaymentInput>;

export const paymentIdInput = z.object({ paymentId: id }).strict();
export type PaymentIdInput = z.input<typeof paymentIdInput>;

export const historyInput = z
  .object({
    /** The id of the last payment of the previous page. */
    cursor: id.nullish(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict();
export type HistoryInput = z.input<typeof historyInput>;

const note = z.string().trim().max(1000);

export const approveWithdrawalInput = z.object({ paymentId: id, note: note.optional() }).strict();
export type ApproveWithdrawalInput = z.input<typeof approveWithdrawalInput>;

export const rejectWithdrawalInput = z
  .object({ paymentId: id, reasonCode: z.enum(rejectionReasons), note: note.optional() })
  .strict();
export type RejectWithdrawalInput = z.input<typeof rejectWithdrawalInput>;

export const resolveHeldInput = z
  .object({ paymentId: id, outcome: z.enum(["PAID", "FAILED"]), note: note.min(3, "say what you checked") })
  .strict();
export type ResolveHeldInput = z.input<typeof resolveHeldInput>;

export const searchPaymentsInput = z
  .object({
    /** A payment id, a provider's payment id, or the start of a player's email. */
    query: z.string().trim().max(200).optional(),
    status: z.enum(paymentStatuses).optional(),
    direction: z.enum(paymentDirections).optional(),
    cursor: id.nullish(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .strict();
export type SearchPaymentsInput = z.input<typeof searchPaymentsInput>;

export const importSettlementInput = z
  .object({
    provider: z.string().regex(/^[a-z0-9][a-z0-9-]{1,31}$/),
    /** The provider's settlement report as CSV text (header line first). */
    csv: z
      .string()
      .min(1)
      .max(5 * 1024 * 1024),
  })
  .strict();
export type ImportSettlementInput = z.input<typeof importSettlementInput>;

export const reconciliationRunInput = z.object({ runId: id }).strict();
export type ReconciliationRunInput = z.input<typeof reconciliationRunInput>;
