import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { floatFromU32, TWO_POW_32, u32FromFloat, uniformInt, uniformIntFromU32 } from "./float-to-int";

const bigFloor = (u32: number, n: number): number => Number((BigInt(u32) * BigInt(n)) / BigInt(TWO_POW_32));
/** The smallest u32 that maps to k out of n: ceil(k · 2^32 / n). */
const firstU32Of = (k: number, n: number): number =>
  Number((BigInt(k) * BigInt(TWO_POW_32) + BigInt(n) - 1n) / BigInt(n));

describe("exact integer mapping of outcome floats", () => {
  it("floor(u32 · n / 2^32) equals floor(float · n) for random u32 and n", () => {
    fc.assert(
      fc.property(fc.nat({ max: TWO_POW_32 - 1 }), fc.integer({ min: 1, max: 2 ** 21 }), (u32, n) => {
        const float = floatFromU32(u32);
        expect(Math.floor(float * n)).toBe(bigFloor(u32, n));
        expect(uniformInt(float, n)).toBe(bigFloor(u32, n));
        expect(uniformIntFromU32(u32, n)).toBe(bigFloor(u32, n));
      }),
      { numRuns: 20_000 },
    );
  });

  it("stays exact for n beyond 2^21 through bigint arithmetic", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: TWO_POW_32 - 1 }),
        fc.integer({ min: 2 ** 21, max: Number.MAX_SAFE_INTEGER }),
        (u32, n) => {
          expect(uniformIntFromU32(u32, n)).toBe(bigFloor(u32, n));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it("maps every boundary exactly for the game ranges (each output's first u32 and the one before it)", () => {
    for (const n of [2, 3, 24, 25, 28, 30, 31, 37, 10_001]) {
      for (let k = 0; k < n; k += 1) {
        const first = firstU32Of(k, n);
        expect(uniformInt(floatFromU32(first), n)).toBe(k);
        expect(Math.floor(floatFromU32(first) * n)).toBe(k);
        if (k > 0) expect(uniformInt(floatFromU32(first - 1), n)).toBe(k - 1);
      }
      expect(uniformInt(floatFromU32(TWO_POW_32 - 1), n)).toBe(n - 1);
    }
  });

  it("round-trips u32 ↔ float and rejects floats outside the scheme", () => {
    fc.assert(
      fc.property(fc.nat({ max: TWO_POW_32 - 1 }), (u32) => {
        expect(u32FromFloat(floatFromU32(u32))).toBe(u32);
      }),
    );
    for (const bad of [0.1, 1, -(2 ** -32), Number.NaN, Number.POSITIVE_INFINITY, 2 ** -33]) {
      expect(() => u32FromFloat(bad)).toThrow(RangeError);
    }
    expect(() => uniformIntFromU32(0, 0)).toThrow(RangeError);
    expect(() => floatFromU32(TWO_POW_32)).toThrow(RangeError);
  });
});
