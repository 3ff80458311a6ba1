import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareRatios, payoutFor, ratioToNumber, reduceRatio, ZERO_RATIO } from "./payout";

describe("exact payouts", () => {
  it("pays floor(stake · num / den)", () => {
    expect(payoutFor(100n, { num: 990_099n, den: 500_000n })).toBe(198n);
    expect(payoutFor(1n, { num: 99n, den: 100n })).toBe(0n);
    expect(payoutFor(123_456_789_012_345_678_901n, { num: 36n, den: 1n })).toBe(4_444_444_404_444_444_440_436n);
    expect(payoutFor(500n, ZERO_RATIO)).toBe(0n);
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 24n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        (stake, num, den) => {
          const paid = payoutFor(stake, { num, den });
          expect(paid * den <= stake * num && (paid + 1n) * den > stake * num).toBe(true);
          expect(payoutFor(stake, reduceRatio({ num, den }))).toBe(paid);
        },
      ),
    );
  });

  it("rejects negative stakes and malformed ratios", () => {
    expect(() => payoutFor(-1n, { num: 1n, den: 1n })).toThrow(RangeError);
    expect(() => payoutFor(1n, { num: 1n, den: 0n })).toThrow(RangeError);
    expect(() => payoutFor(1n, { num: -1n, den: 1n })).toThrow(RangeError);
  });

  it("reduces, compares and displays ratios", () => {
    expect(reduceRatio({ num: 990_099n, den: 500_000n })).toEqual({ num: 990_099n, den: 500_000n });
    expect(reduceRatio({ num: 450n, den: 300n })).toEqual({ num: 3n, den: 2n });
    expect(reduceRatio({ num: 0n, den: 7n })).toEqual(ZERO_RATIO);
    expect(compareRatios({ num: 1n, den: 3n }, { num: 2n, den: 6n })).toBe(0);
    expect(compareRatios({ num: 1n, den: 3n }, { num: 1n, den: 2n })).toBe(-1);
    expect(ratioToNumber({ num: 990_099n, den: 500_000n }, 4)).toBe(1.9802);
    expect(ratioToNumber({ num: 2n, den: 3n })).toBe(0.66666667);
  });
});
