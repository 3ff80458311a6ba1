import { z } from "zod";

/**
 * Hub88 Operator API wallet requests (docs.hub88.io, "Wallet API" for operators). Unknown fields are ignored (Hub88
 * adds optional ones over time); the ones we act on are checked strictly. Ids are bounded so they fit our keys.
 */
const id = z.string().min(1).max(100);
const requestUuid = z.string().min(1).max(100);

export const hub88UserInfo = z.object({ user: id, request_uuid: requestUuid });

export const hub88Balance = z.object({
  user: id,
  request_uuid: requestUuid,
  token: z.string().min(1).max(200).optional(),
  game_code: z.string().max(64).nullish(),
});

const transaction = {
  user: id,
  request_uuid: requestUuid,
  transaction_uuid: id,
  token: z.string().min(1).max(200).optional(),
  round: z.string().min(1).max(80),
  round_closed: z.boolean().nullish(),
  game_code: z.string().min(1).max(64),
  currency: z.string().min(1).max(8),
  /** The amount × 100000, an integer. */
  amount: z.number().int().nonnegative(),
  supplier_transaction_id: z.string().max(200).nullish(),
  is_free: z.boolean().nullish(),
};

export const hub88Bet = z.object({
  ...transaction,
  token: z.string().min(1).max(200),
  bet: z.string().max(200).nullish(),
});

export const hub88Win = z.object({
  ...transaction,
  /** The bet this win pays (optional only for supplier promotions). */
  reference_transaction_uuid: id.nullish(),
  is_supplier_promo: z.boolean().nullish(),
});

export const hub88Rollback = z.object({
  user: id,
  request_uuid: requestUuid,
  transaction_uuid: id,
  reference_transaction_uuid: id,
  token: z.string().min(1).max(200).optional(),
  round: z.string().min(1).max(80).nullish(),
  round_closed: z.boolean().nullish(),
  game_code: z.string().max(64).nullish(),
});

export const hub88Actions = {
  "user/info": hub88UserInfo,
  "user/balance": hub88Balance,
  "transaction/bet": hub88Bet,
  "transaction/win": hub88Win,
  "transaction/rollback": hub88Rollback,
} as const;
export type Hub88Action = keyof typeof hub88Actions;

export const isHub88Action = (action: string): action is Hub88Action => Object.hasOwn(hub88Actions, action);
