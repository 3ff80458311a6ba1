import { z } from "zod";

/**
 * Pragmatic Play Seamless Wallet API requests (Integration API specification, section "Seamless Wallet API"):
 * form parameters, all strings. Unknown parameters are ignored (they are covered by the hash all the same).
 */
const id = z.string().min(1).max(100);
const amount = z.string().min(1).max(20);
const optional = z.string().max(4000).optional();

const base = { providerId: z.string().min(1).max(32), hash: z.string() };

export const pragmaticAuthenticate = z.object({ ...base, token: z.string().min(1).max(200), gameId: optional });
export const pragmaticBalance = z.object({ ...base, userId: id, token: optional });
export const pragmaticBet = z.object({
  ...base,
  userId: id,
  gameId: z.string().min(1).max(64),
  roundId: z.string().min(1).max(80),
  amount,
  reference: id,
  timestamp: z.string().regex(/^\d{1,16}$/),
  roundDetails: optional,
  token: optional,
  bonusCode: optional,
});
export const pragmaticResult = z.object({
  ...base,
  userId: id,
  gameId: z.string().min(1).max(64),
  roundId: z.string().min(1).max(80),
  amount,
  reference: id,
  timestamp: z.string().regex(/^\d{1,16}$/),
  roundDetails: optional,
  token: optional,
  /** A promotion won during the round: added to the player's cash with the result. */
  promoWinAmount: amount.optional(),
});
export const pragmaticBonusWin = z.object({
  ...base,
  userId: id,
  amount,
  reference: id,
  timestamp: z.string().regex(/^\d{1,16}$/),
  bonusCode: z.string().min(1).max(100),
  roundId: z.string().min(1).max(80).optional(),
  gameId: z.string().min(1).max(64).optional(),
  token: optional,
});
export const pragmaticJackpotWin = z.object({
  ...base,
  userId: id,
  gameId: z.string().min(1).max(64),
  roundId: z.string().min(1).max(80),
  jackpotId: z.string().min(1).max(100),
  amount,
  reference: id,
  timestamp: z.string().regex(/^\d{1,16}$/),
  token: optional,
});
export const pragmaticRefund = z.object({
  ...base,
  userId: id,
  reference: id,
  roundId: z.string().min(1).max(80).optional(),
  gameId: optional,
  amount: amount.optional(),
  token: optional,
});
export const pragmaticEndRound = z.object({
  ...base,
  userId: id,
  gameId: z.string().min(1).max(64),
  roundId: z.string().min(1).max(80),
  token: optional,
});

export const pragmaticActions = {
  "authenticate.html": pragmaticAuthenticate,
  "balance.html": pragmaticBalance,
  "bet.html": pragmaticBet,
  "result.html": pragmaticResult,
  "bonusWin.html": pragmaticBonusWin,
  "jackpotWin.html": pragmaticJackpotWin,
  "refund.html": pragmaticRefund,
  "endRound.html": pragmaticEndRound,
} as const;
export type PragmaticAction = keyof typeof pragmaticActions;
export const isPragmaticAction = (action: string): action is PragmaticAction => Object.hasOwn(pragmaticActions, action);
