import { isCurrencyCode } from "@pitboss/db";
import { z } from "zod";

const id = z.string().min(1).max(64);
export const restrictionTypes = ["BLOCK_DEPOSITS", "BLOCK_BETTING", "BLOCK_WITHDRAWALS", "SUSPEND", "CLOSE"] as const;
export type RestrictionType = (typeof restrictionTypes)[number];

export const searchPlayersInput = z.object({ query: z.string().trim().min(1).max(100) }).strict();
export type SearchPlayersInput = z.input<typeof searchPlayersInput>;

export const playerIdInput = z.object({ playerId: id }).strict();
export type PlayerIdInput = z.input<typeof playerIdInput>;

export const addNoteInput = z.object({ playerId: id, body: z.string().trim().min(1).max(4000) }).strict();
export type AddNoteInput = z.input<typeof addNoteInput>;

export const tagInput = z
  .object({
    playerId: id,
    tag: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "letters, digits and dashes, up to 40"),
  })
  .strict();
export type TagInput = z.input<typeof tagInput>;

export const placeRestrictionInput = z
  .object({ playerId: id, type: z.enum(restrictionTypes), reason: z.string().trim().min(3).max(500) })
  .strict();
export type PlaceRestrictionInput = z.input<typeof placeRestrictionInput>;

export const liftRestrictionInput = z.object({ restrictionId: id, reason: z.string().trim().min(3).max(500) }).strict();
export type LiftRestrictionInput = z.input<typeof liftRestrictionInput>;

export const playerStatementInput = z
  .object({
    playerId: id,
    currency: z.string().refine(isCurrencyCode, "unknown currency"),
    type: z.enum(["CASH", "BONUS", "WITHDRAWAL_PENDING"]).default("CASH"),
    cursor: z.bigint().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type PlayerStatementInput = z.input<typeof playerStatementInput>;

export const playerRoundsInput = z
  .object({ playerId: id, limit: z.number().int().min(1).max(100).default(25) })
  .strict();
export type PlayerRoundsInput = z.input<typeof playerRoundsInput>;

export const signOutPlayerInput = z.object({ playerId: id, reason: z.string().trim().min(3).max(500) }).strict();
export type SignOutPlayerInput = z.input<typeof signOutPlayerInput>;
