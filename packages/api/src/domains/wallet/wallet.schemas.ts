import { isCurrencyCode } from "@pitboss/db";
import { z } from "zod";

export const fundingOrders = ["CASH_FIRST", "BONUS_FIRST", "CASH_ONLY"] as const;
export const playerAccountTypes = ["CASH", "BONUS", "WITHDRAWAL_PENDING"] as const;
export const houseAccountTypes = ["GAME_REVENUE", "PSP_CLEARING", "BONUS_COST", "MANUAL_ADJUSTMENT"] as const;
export const transferKinds = [
  "DEPOSIT",
  "WITHDRAWAL_HOLD",
  "WITHDRAWAL_PAYOUT",
  "WITHDRAWAL_RELEASE",
  "BONUS_GRANT",
  "BONUS_CONVERT",
  "BONUS_FORFEIT",
  "ADJUSTMENT",
] as const;

const currency = z.string().refine(isCurrencyCode, "unknown currency");
const positiveMinor = z
  .bigint()
  .positive()
  .max(2n ** 62n, "amount too large");
const idempotencyKey = z.string().min(1).max(200);
const ref = z.string().min(1).max(120);

/** Where the event goes (DESIGN §6): who, from which session and device; trace id defaults to the request id. */
export const eventContext = z
  .object({
    sessionId: z.string().max(120).optional(),
    traceId: z.string().max(120).optional(),
    geo: z.record(z.string(), z.string()).optional(),
    device: z.record(z.string(), z.string()).optional(),
  })
  .strict();

const commandBase = {
  idempotencyKey,
  /** Who owns the key; defaults to `<command>:<player or house>`, so keys never collide across commands. */
  idempotencyScope: z.string().min(1).max(200).optional(),
  context: eventContext.optional(),
  metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
};

const refs = {
  roundId: ref.optional(),
  paymentId: ref.optional(),
  grantId: ref.optional(),
  calcVer: ref.optional(),
  contractVer: ref.optional(),
};

export const debitStakeInput = z
  .object({
    ...commandBase,
    ...refs,
    playerId: ref,
    currency,
    amountMinor: positiveMinor,
    funding: z.enum(fundingOrders).default("CASH_FIRST"),
    /** The game provider whose GAME_REVENUE account takes the stake. */
    houseScope: ref,
  })
  .strict();
export type DebitStakeInput = z.input<typeof debitStakeInput>;

export const creditPlayerInput = z
  .object({
    ...commandBase,
    ...refs,
    kind: z.enum(["WIN"]).default("WIN"),
    playerId: ref,
    currency,
    amountMinor: positiveMinor,
    /** The stake's debit: the credit goes back to its sources in proportion. Without it: all to CASH. */
    sourceTxnId: ref.optional(),
    houseScope: ref,
  })
  .strict();
export type CreditPlayerInput = z.input<typeof creditPlayerInput>;

export const reverseTransactionInput = z
  .object({
    ...commandBase,
    kind: z.enum(["ROLLBACK", "REVERSAL"]).default("REVERSAL"),
    /** The player the original belongs to (null for a house-only transaction). */
    playerId: ref.nullable(),
    originalTxnId: ref,
    roundId: ref.optional(),
  })
  .strict();
export type ReverseTransactionInput = z.input<typeof reverseTransactionInput>;

const transferLeg = z.union([
  z.object({ playerId: ref, type: z.enum(playerAccountTypes), amountMinor: z.bigint() }).strict(),
  z
    .object({
      playerId: z.null().optional(),
      type: z.enum(houseAccountTypes),
      scope: ref.optional(),
      amountMinor: z.bigint(),
    })
    .strict(),
]);

export const postTransferInput = z
  .object({
    ...commandBase,
    ...refs,
    kind: z.enum(transferKinds),
    /** The player the transfer is about (for the outbox and statements), if any. */
    playerId: ref.nullable(),
    currency,
    legs: z.array(transferLeg).min(2).max(10),
  })
  .strict()
  .refine((input) => input.legs.reduce((sum, leg) => sum + leg.amountMinor, 0n) === 0n, {
    message: "legs must sum to zero",
    path: ["legs"],
  });
export type PostTransferInput = z.input<typeof postTransferInput>;

/** Ledger kinds a statement can be filtered by. */
export const statementKinds = [
  "DEPOSIT",
  "BET",
  "WIN",
  "ROLLBACK",
  "WITHDRAWAL_HOLD",
  "WITHDRAWAL_PAYOUT",
  "WITHDRAWAL_RELEASE",
  "BONUS_GRANT",
  "BONUS_CONVERT",
  "BONUS_FORFEIT",
  "ADJUSTMENT",
  "REVERSAL",
] as const;

/** Which postings of a sub-account a statement shows: optional kinds and [from, to) time range. */
export const statementFilters = {
  kinds: z.array(z.enum(statementKinds)).max(statementKinds.length).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
};

export const statementInput = z
  .object({
    playerId: ref,
    currency,
    type: z.enum(playerAccountTypes).default("CASH"),
    ...statementFilters,
    /** Posting id to continue after (exclusive), from the previous page's nextCursor. */
    cursor: z.bigint().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type StatementInput = z.input<typeof statementInput>;
