import { isCurrencyCode } from "@pitboss/db";
import { z } from "zod";

export const adjustmentReasons = [
  "GOODWILL",
  "GAME_MALFUNCTION",
  "PAYMENT_CORRECTION",
  "BONUS_CORRECTION",
  "CHARGEBACK",
  "FRAUD_RECOVERY",
  "OTHER",
] as const;
export const adjustmentStatuses = ["PENDING", "APPROVED", "EXECUTED", "REJECTED", "FAILED"] as const;

const id = z.string().min(1).max(64);

export const requestAdjustmentInput = z
  .object({
    playerId: id,
    currency: z.string().refine(isCurrencyCode, "unknown currency"),
    /** Signed decimal in major units: "25.00" credits the player, "-25.00" debits them. */
    amount: z
      .string()
      .trim()
      .regex(/^-?\d{1,15}(\.\d{1,18})?$/, "a decimal amount such as 25.00 or -25.00"),
    reasonCode: z.enum(adjustmentReasons),
    note: z.string().trim().min(3, "say why, for the audit trail").max(1000),
    /** Client-generated (one per form submit): a double submit returns the first request. */
    idempotencyKey: z.string().min(8).max(100),
  })
  .strict();
export type RequestAdjustmentInput = z.input<typeof requestAdjustmentInput>;

export const decideAdjustmentInput = z
  .object({ adjustmentId: id, note: z.string().trim().max(1000).optional() })
  .strict();
export type DecideAdjustmentInput = z.input<typeof decideAdjustmentInput>;

export const listAdjustmentsInput = z
  .object({
    status: z.enum(adjustmentStatuses).optional(),
    playerId: id.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListAdjustmentsInput = z.input<typeof listAdjustmentsInput>;
