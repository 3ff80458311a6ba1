import { z } from "zod";

/** Our wallet protocol v1 (docs/wallet-protocol.md, docs/wallet-protocol.openapi.yaml): strict JSON bodies. */
const id = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/);
/** Minor units as a decimal integer string: JSON numbers lose precision beyond 2^53. */
const minor = z.string().regex(/^(0|[1-9]\d{0,18})$/);
/** The nonce: unique per request and provider, never reused (a retry is a new request with the same transactionId). */
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const currency = z.string().regex(/^[A-Z0-9]{3,8}$/);
const round = z.string().regex(/^[A-Za-z0-9._:-]{1,80}$/);

export const pitbossAuthenticate = z.object({ requestId, token: z.string().min(1).max(200) }).strict();
export const pitbossBalance = z
  .object({ requestId, playerId: id, token: z.string().min(1).max(200).optional() })
  .strict();
export const pitbossBet = z
  .object({
    requestId,
    playerId: id,
    token: z.string().min(1).max(200),
    transactionId: id,
    roundId: round,
    gameCode: z.string().min(1).max(64),
    currency,
    amountMinor: minor,
    roundClosed: z.boolean().optional(),
  })
  .strict();
export const pitbossWin = z
  .object({
    requestId,
    playerId: id,
    transactionId: id,
    betTransactionId: id.optional(),
    roundId: round,
    gameCode: z.string().min(1).max(64),
    currency,
    amountMinor: minor,
    roundClosed: z.boolean().optional(),
  })
  .strict();
export const pitbossRollback = z
  .object({
    requestId,
    playerId: id,
    transactionId: id,
    referenceTransactionId: id,
    roundId: round.optional(),
    roundClosed: z.boolean().optional(),
  })
  .strict();
export const pitbossEndRound = z.object({ requestId, playerId: id, roundId: round }).strict();

export const pitbossActions = {
  authenticate: pitbossAuthenticate,
  balance: pitbossBalance,
  bet: pitbossBet,
  win: pitbossWin,
  rollback: pitbossRollback,
  "end-round": pitbossEndRound,
} as const;
export type PitbossAction = keyof typeof pitbossActions;
export const isPitbossAction = (action: string): action is PitbossAction => Object.hasOwn(pitbossActions, action);
