import { z } from "zod";
import { verifyRoundInputSchema } from "../games/games";
import { MINES_CELLS, MINES_MAX, MINES_MIN } from "../games/mines";
import { stakeSchema } from "../games/stake-schema";

/** A client-generated key (a UUID is ideal), unique per player: a retry with it returns the original result. */
const idempotencyKey = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, "letters, digits and _ . : - only");
const ref = z.string().min(1).max(120);
/** Client seeds stay in a verifier-friendly alphabet (they are hashed as `${clientSeed}:${nonce}:${cursor}`). */
export const clientSeedSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits and _ . - only");
const stakeMinor = stakeSchema.refine((stake) => stake <= 2n ** 62n, "stake is too large");

/**
 * One instant round: stake, game and the game's own parameters (validated by the game's strict schema).
 * Strict at every level: a request carrying an outcome, a seed or a nonce is refused, never ignored.
 */
export const playRoundInput = z
  .object({
    game: z.string().min(1).max(64),
    currency: z.string().min(3).max(8),
    stakeMinor,
    params: z.unknown(),
    idempotencyKey,
  })
  .strict();
export type PlayRoundInput = z.input<typeof playRoundInput>;

export const placeInstantBetInput = playRoundInput.extend({ playerId: ref }).strict();
export type PlaceInstantBetInput = z.input<typeof placeInstantBetInput>;

export const roundIdInput = z.object({ roundId: ref }).strict();
export const playerRoundInput = roundIdInput.extend({ playerId: ref }).strict();
export type PlayerRoundInput = z.input<typeof playerRoundInput>;

export const setClientSeedInput = z.object({ clientSeed: clientSeedSchema }).strict();
export const rotateSeedPairInput = z.object({ clientSeed: clientSeedSchema.optional() }).strict();
export const rotateSeedPairCommand = rotateSeedPairInput.extend({ playerId: ref }).strict();
export type RotateSeedPairCommand = z.input<typeof rotateSeedPairCommand>;

/** Public verification: revealed server seed, client seed, nonce, game and parameters → the outcome. */
export const verifyOutcomeInput = verifyRoundInputSchema;
export type VerifyOutcomeInput = z.input<typeof verifyOutcomeInput>;

/** A multi-step round: opened first (its nonce is fixed then), staked with one or more bets, settled once. */
export const openRoundInput = z
  .object({ game: z.string().min(1).max(64), currency: z.string().min(3).max(8), idempotencyKey })
  .strict();
export const openRoundCommand = openRoundInput.extend({ playerId: ref }).strict();
export type OpenRoundCommand = z.input<typeof openRoundCommand>;

export const placeBetInput = z.object({ roundId: ref, stakeMinor, idempotencyKey }).strict();
export const placeBetCommand = placeBetInput.extend({ playerId: ref }).strict();
export type PlaceBetCommand = z.input<typeof placeBetCommand>;

export const settleRoundInput = z.object({ roundId: ref, params: z.unknown() }).strict();
export const settleRoundCommand = settleRoundInput.extend({ playerId: ref }).strict();
export type SettleRoundCommand = z.input<typeof settleRoundCommand>;

/** One step of a multi-step mines round: the mine count (fixed by the first reveal) and the cell to open. */
export const revealCellInput = z
  .object({
    roundId: ref,
    mines: z.int().min(MINES_MIN).max(MINES_MAX),
    cell: z
      .int()
      .min(0)
      .max(MINES_CELLS - 1),
  })
  .strict();
export const revealCellCommand = revealCellInput.extend({ playerId: ref }).strict();
export type RevealCellCommand = z.input<typeof revealCellCommand>;

/** The player's multi-step round still in play for a game, so a reload resumes it. */
export const currentRoundInput = z.object({ game: z.string().min(1).max(64) }).strict();
export const currentRoundCommand = currentRoundInput.extend({ playerId: ref }).strict();
export type CurrentRoundCommand = z.input<typeof currentRoundCommand>;
