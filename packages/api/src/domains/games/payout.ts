/**
 * Exact multipliers. A multiplier is an integer ratio num/den (bigint, den > 0) and a payout is always
 * floor(stake · num / den) in minor units: no float ever touches money.
 */

export type Ratio = { num: bigint; den: bigint };

export const ZERO_RATIO: Ratio = { num: 0n, den: 1n };

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

const assertRatio = ({ num, den }: Ratio): void => {
  if (den <= 0n) throw new RangeError("multiplier denominator must be positive");
  if (num < 0n) throw new RangeError("multiplier numerator must not be negative");
};

/** The same ratio in lowest terms (0 becomes 0/1). */
export const reduceRatio = (ratio: Ratio): Ratio => {
  assertRatio(ratio);
  if (ratio.num === 0n) return ZERO_RATIO;
  const g = gcd(ratio.num, ratio.den);
  return { num: ratio.num / g, den: ratio.den / g };
};

/** floor(stake · num / den): the amount paid back for a stake in minor units (0 on a loss). */
export const payoutFor = (stake: bigint, multiplier: Ratio): bigint => {
  if (stake < 0n) throw new RangeError("stake must not be negative");
  assertRatio(multiplier);
  return (stake * multiplier.num) / multiplier.den;
};

/** For display only: the ratio as a double, rounded to `decimals` places. Never use it for money. */
export const ratioToNumber = (ratio: Ratio, decimals = 8): number => {
  assertRatio(ratio);
  const scale = 10n ** BigInt(decimals);
  const scaled = (ratio.num * scale * 2n + ratio.den) / (ratio.den * 2n);
  return Number(scaled) / Number(scale);
};

/** -1, 0 or 1 as a/b compares with c/d. */
export const compareRatios = (a: Ratio, b: Ratio): -1 | 0 | 1 => {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
};
