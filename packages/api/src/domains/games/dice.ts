/**
 * Dice. House edge 1 %, RTP 99 % exactly for every valid target (before flooring each payout to the minor unit).
 *
 * roll = floor(f · 10001), an integer in hundredths 0..10000 (shown 0.00–100.00), computed exactly as
 * floor(u32 · 10001 / 2^32). "over" wins when roll > target, "under" when roll < target (target in hundredths).
 * With w winning rolls out of 10001 the multiplier is 0.99 / (w / 10001) = (99 · 10001) / (100 · w), so
 * P(win) · multiplier = 0.99 exactly. Targets must leave 1 ≤ w ≤ 9800 (win chance 0.01 %–97.99 %).
 * Check vector (seed 3f9a…9c2e, client lucky-player, nonce 7): roll 6343 (63.43).
 */
import { z } from "zod";
import { floatAt, uniformInt } from "./float-to-int";
import { payoutFor, type Ratio, ZERO_RATIO } from "./payout";

export const DICE_CALC_VER = "dice@1";
/** Number of possible rolls: 0.00 … 100.00 in hundredths. */
export const DICE_OUTCOMES = 10_001;
export const DICE_MAX_ROLL = 10_000;
export const DICE_MIN_WINNING_ROLLS = 1;
/** floor(0.98 · 10001): no bet may win more often than 98 % of the time. */
export const DICE_MAX_WINNING_ROLLS = 9_800;

export type DiceDirection = "over" | "under";

/** Number of rolls in 0..10000 that win the bet. */
export const diceWinningRolls = (direction: DiceDirection, target: number): number =>
  direction === "over" ? DICE_MAX_ROLL - target : target;

export const diceParamsSchema = z
  .object({
    direction: z.enum(["over", "under"]),
    /** Hundredths, 0..10000 (e.g. 5000 = 50.00). */
    target: z.int().min(0).max(DICE_MAX_ROLL),
  })
  .strict()
  .superRefine(({ direction, target }, ctx) => {
    const winning = diceWinningRolls(direction, target);
    if (winning < DICE_MIN_WINNING_ROLLS || winning > DICE_MAX_WINNING_ROLLS) {
      ctx.addIssue({
        code: "custom",
        path: ["target"],
        message: `win chance must be between ${DICE_MIN_WINNING_ROLLS} and ${DICE_MAX_WINNING_ROLLS} rolls in ${DICE_OUTCOMES}`,
      });
    }
  });

export type DiceParams = z.output<typeof diceParamsSchema>;

export type DiceOutcome = {
  /** Hundredths, 0..10000. */
  roll: number;
  direction: DiceDirection;
  target: number;
  isWin: boolean;
};

/** floor(f · 10001) in hundredths. */
export const diceRoll = (float: number): number => uniformInt(float, DICE_OUTCOMES);

/** The win multiplier (99 · 10001) / (100 · winningRolls), paid on a win. */
export const diceMultiplier = ({ direction, target }: DiceParams): Ratio => {
  const winning = diceWinningRolls(direction, target);
  if (winning < DICE_MIN_WINNING_ROLLS || winning > DICE_MAX_WINNING_ROLLS) throw new RangeError("invalid dice target");
  return { num: 99n * BigInt(DICE_OUTCOMES), den: 100n * BigInt(winning) };
};

export const diceIsWin = ({ direction, target }: DiceParams, roll: number): boolean =>
  direction === "over" ? roll > target : roll < target;

export const resolveDice = (params: DiceParams, floats: readonly number[]): DiceOutcome => {
  const roll = diceRoll(floatAt(floats, 0));
  return { roll, direction: params.direction, target: params.target, isWin: diceIsWin(params, roll) };
};

/** The multiplier actually applied to the stake: the win multiplier, or 0 on a loss. */
export const diceRoundMultiplier = (params: DiceParams, outcome: DiceOutcome): Ratio =>
  outcome.isWin ? diceMultiplier(params) : ZERO_RATIO;

/** floor(stake · multiplier) for the round. */
export const dicePayout = (stake: bigint, params: DiceParams, outcome: DiceOutcome): bigint =>
  payoutFor(stake, diceRoundMultiplier(params, outcome));
