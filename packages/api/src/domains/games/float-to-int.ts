/**
 * Exact integer mappings of outcome floats.
 *
 * Every outcome float is f = u32 / 2^32 with u32 = b0·2^24 + b1·2^16 + b2·2^8 + b3, and a double holds it exactly,
 * so u32 = f · 2^32 is recovered without rounding. Integer outcomes (dice roll, roulette pocket, shuffle index,
 * reel stop) use floor(u32 · n / 2^32), which equals floor(f · n) for every n; games compute it in integers so no
 * floating-point step can ever move an outcome across a boundary.
 */

export const TWO_POW_32 = 4_294_967_296;
const TWO_POW_32_BIG = 4_294_967_296n;
/** Below this bound u32 · n < 2^53, so the product and the division by 2^32 are exact in doubles. */
const MAX_EXACT_NUMBER_N = 2 ** 21;

/** u32 / 2^32: the outcome float of a 32-bit integer. */
export const floatFromU32 = (u32: number): number => {
  if (!Number.isInteger(u32) || u32 < 0 || u32 >= TWO_POW_32)
    throw new RangeError("u32 must be an integer in 0..2^32-1");
  return u32 / TWO_POW_32;
};

/** The 32-bit integer behind an outcome float; throws if the value is not a float of the scheme. */
export const u32FromFloat = (float: number): number => {
  const u32 = float * TWO_POW_32;
  if (!Number.isInteger(u32) || u32 < 0 || u32 >= TWO_POW_32) {
    throw new RangeError("not an outcome float: expected k / 2^32 for an integer k in 0..2^32-1");
  }
  return u32;
};

/** floor(u32 · n / 2^32): an integer in 0..n-1, uniform up to the unavoidable 2^32 mod n bias. */
export const uniformIntFromU32 = (u32: number, n: number): number => {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError("n must be a positive safe integer");
  if (!Number.isInteger(u32) || u32 < 0 || u32 >= TWO_POW_32)
    throw new RangeError("u32 must be an integer in 0..2^32-1");
  if (n <= MAX_EXACT_NUMBER_N) return Math.floor((u32 * n) / TWO_POW_32);
  return Number((BigInt(u32) * BigInt(n)) / TWO_POW_32_BIG);
};

/** floor(f · n) computed exactly as floor(u32 · n / 2^32). */
export const uniformInt = (float: number, n: number): number => uniformIntFromU32(u32FromFloat(float), n);

/** The float at `index`, or a RangeError if the caller supplied too few. */
export const floatAt = (floats: readonly number[], index: number): number => {
  const float = floats[index];
  if (float === undefined) throw new RangeError(`outcome float #${index} is missing`);
  return float;
};
