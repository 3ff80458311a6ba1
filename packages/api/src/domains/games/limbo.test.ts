import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { outcomeFloats } from "./fairness";
import { floatFromU32, TWO_POW_32 } from "./float-to-int";
import {
  LIMBO_MAX_TARGET,
  LIMBO_MIN_TARGET,
  limboParamsSchema,
  limboPayout,
  limboResult,
  limboResultFromU32,
  limboRtp,
  limboWinningU32Count,
  resolveLimbo,
} from "./limbo";

/** The number of u32 values whose result reaches `target`, found from limboResultFromU32 itself (it is non-increasing). */
const countWinningU32 = (target: number): number => {
  if (limboResultFromU32(0) < target) return 0;
  let lo = 0;
  let hi = TWO_POW_32 - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (limboResultFromU32(mid) >= target) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
};

const TWO_POW_32_BIG = BigInt(TWO_POW_32);

describe("limbo", () => {
  it("computes floor(99 · 2^32 / (u32 + 1)) hundredths", () => {
    expect(limboResultFromU32(TWO_POW_32 - 1)).toBe(99);
    expect(limboResultFromU32(0)).toBe(99 * TWO_POW_32);
    expect(limboResultFromU32(98)).toBe(Math.floor((99 * TWO_POW_32) / 99));
    const floats = outcomeFloats("3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e", "lucky-player", 7, 1);
    const u32 = (floats[0] ?? 0) * TWO_POW_32;
    expect(limboResult(floats[0] ?? Number.NaN)).toBe(Number((99n * TWO_POW_32_BIG) / BigInt(u32 + 1)));
    expect(limboResult(floats[0] ?? Number.NaN)).toBe(156);
  });

  it("is non-increasing in u32", () => {
    fc.assert(
      fc.property(fc.nat({ max: TWO_POW_32 - 2 }), (u32) => {
        expect(limboResultFromU32(u32 + 1)).toBeLessThanOrEqual(limboResultFromU32(u32));
      }),
      { numRuns: 2000 },
    );
  });

  it("wins on exactly floor(99 · 2^32 / T) of the 2^32 values (counted from the result function)", () => {
    const targets = [101, 102, 150, 199, 200, 1000, 9999, 10_000, 123_457, 1_000_000, 99_999_999, LIMBO_MAX_TARGET];
    for (const target of targets) expect(BigInt(countWinningU32(target))).toBe(limboWinningU32Count(target));
    fc.assert(
      fc.property(fc.integer({ min: LIMBO_MIN_TARGET, max: LIMBO_MAX_TARGET }), (target) => {
        expect(BigInt(countWinningU32(target))).toBe(limboWinningU32Count(target));
      }),
      { numRuns: 50 },
    );
  });

  it("returns 99 % minus at most target / (100 · 2^32) for every target", () => {
    const check = (target: number) => {
      const { num, den } = limboRtp(target);
      expect(100n * num).toBeLessThanOrEqual(99n * den); // ≤ 0.99
      // 0.99 − rtp < target / (100 · 2^32)  ⇔  99 · 2^32 − 100 · num · 2^32 / den < target
      expect(99n * TWO_POW_32_BIG - (100n * num * TWO_POW_32_BIG) / den).toBeLessThanOrEqual(BigInt(target));
    };
    for (let target = LIMBO_MIN_TARGET; target <= 20_000; target += 1) check(target);
    fc.assert(fc.property(fc.integer({ min: LIMBO_MIN_TARGET, max: LIMBO_MAX_TARGET }), check), { numRuns: 2000 });
    // ≥ 98.99976 % up to 10,000× and ≥ 98.9767 % at the 1,000,000× cap
    expect(limboRtp(1_000_000).num * 100_000_000n).toBeGreaterThan(98_999_760n * limboRtp(1_000_000).den);
    expect(limboRtp(LIMBO_MAX_TARGET).num * 1_000_000n).toBeGreaterThan(989_767n * limboRtp(LIMBO_MAX_TARGET).den);
    // exactly 99 % when the target divides 99 · 2^32 = 3² · 11 · 2^32, e.g. 1.28×, 3.96× and 15.84×
    for (const target of [128, 396, 1584]) expect(limboRtp(target).num * 100n).toBe(99n * limboRtp(target).den);
    expect(limboRtp(200).num * 100n).toBeLessThan(99n * limboRtp(200).den);
  });

  it("settles target/100 × stake on a win and nothing on a loss", () => {
    const winFloat = floatFromU32(0);
    const loseFloat = floatFromU32(TWO_POW_32 - 1);
    const params = { target: 250 };
    const win = resolveLimbo(params, [winFloat]);
    expect(win.isWin).toBe(true);
    expect(limboPayout(1001n, params, win)).toBe(2502n);
    const loss = resolveLimbo(params, [loseFloat]);
    expect(loss).toEqual({ result: 99, target: 250, isWin: false });
    expect(limboPayout(1001n, params, loss)).toBe(0n);
    // result exactly at the target wins
    const atTarget = Number((99n * TWO_POW_32_BIG) / 250n) - 1;
    expect(limboResultFromU32(atTarget)).toBeGreaterThanOrEqual(250);
    expect(limboResultFromU32(atTarget + 1)).toBeLessThan(250);
  });

  it("validates the target and rejects unknown keys", () => {
    expect(limboParamsSchema.safeParse({ target: 101 }).success).toBe(true);
    expect(limboParamsSchema.safeParse({ target: 100 }).success).toBe(false);
    expect(limboParamsSchema.safeParse({ target: LIMBO_MAX_TARGET + 1 }).success).toBe(false);
    expect(limboParamsSchema.safeParse({ target: 150.5 }).success).toBe(false);
    expect(limboParamsSchema.safeParse({ target: 200, serverSeed: "x" }).success).toBe(false);
    expect(limboParamsSchema.safeParse({ target: 200, outcome: { result: 1e6 } }).success).toBe(false);
  });
});
