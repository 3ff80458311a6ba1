/**
 * Limbo. House edge 1 %: RTP = floor(99 · 2^32 / T) · T / (100 · 2^32) for a target of T hundredths, which lies in
 * (0.99 − T / (100 · 2^32), 0.99]: below 99 % by at most 2^-32 ≈ 2.33 · 10⁻¹⁰ per 1× of target, i.e. RTP ≥ 98.99976 %
 * for every target up to 10,000× and ≥ 98.9767 % at the 1,000,000× cap (exactly 99 % whenever T divides 99 · 2^32).
 *
 * From the round's u32 (the float's 4 bytes as an integer, float = u32 / 2^32) the result, in hundredths, is
 *   result = floor(99 · 2^32 / (u32 + 1))            (bigint arithmetic, no floats)
 * i.e. 0.99 · 2^32 / (u32 + 1) as a multiplier rounded down to 0.01×; it ranges from 0.99× (u32 = 2^32 − 1) to
 * 99 · 2^32 / 100 ≈ 4.25 · 10⁹× (u32 = 0). The player picks a target T (hundredths, 101 ≤ T ≤ 100,000,000, i.e.
 * 1.01×–1,000,000×) and wins T/100 times the stake when result ≥ T. Since result ≥ T ⇔ u32 + 1 ≤ 99 · 2^32 / T,
 * exactly floor(99 · 2^32 / T) of the 2^32 equally likely u32 values win, which gives the RTP above.
 */
import { z } from "zod";
import { floatAt, TWO_POW_32, u32FromFloat } from "./float-to-int";
import { payoutFor, type Ratio, ZERO_RATIO } from "./payout";

export const LIMBO_CALC_VER = "limbo@1";
export const LIMBO_MIN_TARGET = 101;
export const LIMBO_MAX_TARGET = 100_000_000;

const TWO_POW_32_BIG = BigInt(TWO_POW_32);
/** 99 · 2^32: the numerator of every limbo result, in hundredths. */
const RESULT_NUMERATOR = 99n * TWO_POW_32_BIG;

export const limboParamsSchema = z
  .object({
    /** Target multiplier in hundredths (101 = 1.01×). */
    target: z.int().min(LIMBO_MIN_TARGET).max(LIMBO_MAX_TARGET),
  })
  .strict();

export type LimboParams = z.output<typeof limboParamsSchema>;

export type LimboOutcome = {
  /** Result multiplier in hundredths. */
  result: number;
  target: number;
  isWin: boolean;
};

/** floor(99 · 2^32 / (u32 + 1)) hundredths. */
export const limboResultFromU32 = (u32: number): number => {
  if (!Number.isInteger(u32) || u32 < 0 || u32 >= TWO_POW_32)
    throw new RangeError("u32 must be an integer in 0..2^32-1");
  return Number(RESULT_NUMERATOR / (BigInt(u32) + 1n));
};

export const limboResult = (float: number): number => limboResultFromU32(u32FromFloat(float));

/** How many of the 2^32 u32 values reach `target`: floor(99 · 2^32 / target), capped at 2^32. */
export const limboWinningU32Count = (target: number): bigint => {
  const count = RESULT_NUMERATOR / BigInt(target);
  return count > TWO_POW_32_BIG ? TWO_POW_32_BIG : count;
};

/** The exact RTP for a target: P(win) · target / 100 = winningCount · target / (100 · 2^32). */
export const limboRtp = (target: number): Ratio => ({
  num: limboWinningU32Count(target) * BigInt(target),
  den: 100n * TWO_POW_32_BIG,
});

/** The win multiplier target / 100. */
export const limboMultiplier = ({ target }: LimboParams): Ratio => ({ num: BigInt(target), den: 100n });

export const resolveLimbo = (params: LimboParams, floats: readonly number[]): LimboOutcome => {
  const result = limboResult(floatAt(floats, 0));
  return { result, target: params.target, isWin: result >= params.target };
};

export const limboRoundMultiplier = (params: LimboParams, outcome: LimboOutcome): Ratio =>
  outcome.isWin ? limboMultiplier(params) : ZERO_RATIO;

export const limboPayout = (stake: bigint, params: LimboParams, outcome: LimboOutcome): bigint =>
  payoutFor(stake, limboRoundMultiplier(params, outcome));
