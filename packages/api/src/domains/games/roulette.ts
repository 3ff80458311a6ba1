/**
 * European roulette (single zero). House edge 1/37 ≈ 2.7027 %, RTP 36/37 ≈ 97.2973 % for every bet type.
 *
 * pocket = floor(f · 37), computed exactly as floor(u32 · 37 / 2^32); the check vector gives 23.
 * A bet covering k numbers returns 36/k times its stake (stake included), so its RTP is k/37 · 36/k = 36/37:
 *   straight 36× (35:1), split 18×, street 12×, corner 9×, line 6×, dozen 3×, column 3×,
 *   red / black / odd / even / low (1–18) / high (19–36) 2×. Zero loses every outside bet.
 * A spin carries up to ROULETTE_MAX_BETS bets, each with its own stake in minor units; the round multiplier is
 * totalReturned / totalStake, so floor(totalStake · num / den) = totalReturned exactly.
 */
import { z } from "zod";
import { floatAt, uniformInt } from "./float-to-int";
import type { Ratio } from "./payout";
import {
  columnOf,
  isTableLayout,
  type PocketColor,
  pocketColor,
  ROULETTE_POCKETS,
  rowOf,
  SHAPED_BET_SIZE,
} from "./roulette-layout";
import { ROULETTE_RETURN, type RouletteBetType, rouletteBetTypes } from "./roulette-returns";
import { stakeSchema } from "./stake-schema";

export { ROULETTE_RETURN, type RouletteBetType, rouletteBetTypes };

export const ROULETTE_CALC_VER = "roulette@1";
export const ROULETTE_MAX_BETS = 160;

const numbersBetSchema = z
  .object({
    type: z.enum(["straight", "split", "street", "corner", "line"]),
    numbers: z.array(z.int().min(0).max(36)).min(1).max(6),
    stake: stakeSchema,
  })
  .strict()
  .superRefine(({ type, numbers }, ctx) => {
    const valid =
      type === "straight" ? numbers.length === 1 : numbers.every((n) => n >= 1) && isTableLayout(type, numbers);
    if (!valid) {
      const size = type === "straight" ? 1 : SHAPED_BET_SIZE[type];
      ctx.addIssue({ code: "custom", path: ["numbers"], message: `not a ${type} on the table (${size} numbers)` });
    }
  });

const dozenBetSchema = z
  .object({ type: z.literal("dozen"), dozen: z.int().min(1).max(3), stake: stakeSchema })
  .strict();
const columnBetSchema = z
  .object({ type: z.literal("column"), column: z.int().min(1).max(3), stake: stakeSchema })
  .strict();
const evenMoneyBetSchema = z
  .object({ type: z.enum(["red", "black", "odd", "even", "low", "high"]), stake: stakeSchema })
  .strict();

export const rouletteBetSchema = z.discriminatedUnion("type", [
  numbersBetSchema,
  dozenBetSchema,
  columnBetSchema,
  evenMoneyBetSchema,
]);

export const rouletteParamsSchema = z
  .object({ bets: z.array(rouletteBetSchema).min(1).max(ROULETTE_MAX_BETS) })
  .strict();

export type RouletteBet = z.output<typeof rouletteBetSchema>;
export type RouletteParams = z.output<typeof rouletteParamsSchema>;

export type RouletteBetResult = {
  type: RouletteBetType;
  numbers?: number[];
  dozen?: number;
  column?: number;
  /** Minor units, decimal string. */
  stake: string;
  isWin: boolean;
  /** Minor units returned (stake included), decimal string; "0" on a loss. */
  returned: string;
};

export type RouletteOutcome = {
  pocket: number;
  color: PocketColor;
  bets: RouletteBetResult[];
  totalStake: string;
  totalReturned: string;
  isWin: boolean;
};

/** floor(f · 37). */
export const roulettePocket = (float: number): number => uniformInt(float, ROULETTE_POCKETS);

/** Whether the bet wins when the ball lands in `pocket`. */
export const betCovers = (bet: RouletteBet, pocket: number): boolean => {
  switch (bet.type) {
    case "straight":
    case "split":
    case "street":
    case "corner":
    case "line":
      return bet.numbers.includes(pocket);
    case "dozen":
      return pocket !== 0 && Math.ceil(rowOf(pocket) / 4) === bet.dozen;
    case "column":
      return pocket !== 0 && columnOf(pocket) === bet.column;
    case "red":
    case "black":
      return pocketColor(pocket) === bet.type;
    case "odd":
      return pocket !== 0 && pocket % 2 === 1;
    case "even":
      return pocket !== 0 && pocket % 2 === 0;
    case "low":
      return pocket >= 1 && pocket <= 18;
    case "high":
      return pocket >= 19;
  }
};

/** Minor units returned by one bet (stake included): stake · return multiple on a win, else 0. */
export const betReturn = (bet: RouletteBet, pocket: number): bigint =>
  betCovers(bet, pocket) ? bet.stake * ROULETTE_RETURN[bet.type] : 0n;

export const rouletteTotalStake = (params: RouletteParams): bigint =>
  params.bets.reduce((sum, bet) => sum + bet.stake, 0n);

const describeBet = (bet: RouletteBet): Pick<RouletteBetResult, "numbers" | "dozen" | "column"> => {
  switch (bet.type) {
    case "dozen":
      return { dozen: bet.dozen };
    case "column":
      return { column: bet.column };
    case "straight":
    case "split":
    case "street":
    case "corner":
    case "line":
      return { numbers: [...bet.numbers].sort((a, b) => a - b) };
    default:
      return {};
  }
};

export const resolveRoulette = (params: RouletteParams, floats: readonly number[]): RouletteOutcome => {
  const pocket = roulettePocket(floatAt(floats, 0));
  let totalReturned = 0n;
  const bets = params.bets.map((bet): RouletteBetResult => {
    const returned = betReturn(bet, pocket);
    totalReturned += returned;
    return {
      type: bet.type,
      ...describeBet(bet),
      stake: bet.stake.toString(),
      isWin: returned > 0n,
      returned: returned.toString(),
    };
  });
  return {
    pocket,
    color: pocketColor(pocket),
    bets,
    totalStake: rouletteTotalStake(params).toString(),
    totalReturned: totalReturned.toString(),
    isWin: totalReturned > 0n,
  };
};

/** totalReturned / totalStake: applied to the total stake it pays exactly the sum of the winning bets. */
export const rouletteRoundMultiplier = (params: RouletteParams, outcome: RouletteOutcome): Ratio => ({
  num: BigInt(outcome.totalReturned),
  den: rouletteTotalStake(params),
});

/** The minor units a spin landing in `pocket` returns: the sum of every winning bet's stake · return multiple. */
export const roulettePayout = (params: RouletteParams, pocket: number): bigint =>
  params.bets.reduce((sum, bet) => sum + betReturn(bet, pocket), 0n);
