import { z } from "zod";
import { playerAccountTypes, statementFilters } from "./wallet.schemas";

export { statementKinds } from "./wallet.schemas";

/** The player's own transactions: one sub-account, optional kinds and time range, newest first. */
export const transactionsInput = z
  .object({
    type: z.enum(playerAccountTypes).default("CASH"),
    ...statementFilters,
    cursor: z.bigint().positive().optional(),
    /** Sent by tRPC's infinite queries; pages always go backwards in time. */
    direction: z.enum(["forward", "backward"]).optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict();
export type TransactionsInput = z.input<typeof transactionsInput>;

export const exportTransactionsInput = transactionsInput.omit({ cursor: true, direction: true, limit: true }).strict();
export type ExportTransactionsInput = z.input<typeof exportTransactionsInput>;

/** A client-generated key (UUID): pressing the button twice adds the credits once. */
export const demoCreditsInput = z
  .object({
    idempotencyKey: z
      .string()
      .min(8)
      .max(100)
      .regex(/^[A-Za-z0-9_.:-]+$/),
  })
  .strict();
export type DemoCreditsInput = z.input<typeof demoCreditsInput>;
