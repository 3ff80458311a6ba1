import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DICE_MAX_WINNING_ROLLS,
  DICE_OUTCOMES,
  type DiceParams,
  diceIsWin,
  diceMultiplier,
  diceParamsSchema,
  dicePayout,
  diceRoll,
  diceWinningRolls,
  resolveDice,
} from "./dice";
import { outcomeFloats } from "./fairness";
import { floatFromU32 } from "./float-to-int";

/** Σ over all 10001 rolls of the multiplier paid, as an exact ratio over 10001 rolls: must equal 0.99. */
const expectExactRtp = (params: DiceParams) => {
  const { num, den } = diceMultiplier(params);
  let wins = 0n;
  for (let roll = 0; roll < DICE_OUTCOMES; roll += 1) if (diceIsWin(params, roll)) wins += 1n;
  expect(wins).toBe(BigInt(diceWinningRolls(params.direction, params.target)));
  // (wins · num / den) / 10001 = 99 / 100  ⇔  100 · wins · num = 99 · den · 10001
  expect(100n * wins * num).toBe(99n * den * BigInt(DICE_OUTCOMES));
};

describe("dice", () => {
  it("rolls 63.43 on the check vector", () => {
    const floats = outcomeFloats("3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e", "lucky-player", 7, 1);
    expect(resolveDice({ direction: "over", target: 5000 }, floats)).toEqual({
      roll: 6343,
      direction: "over",
      target: 5000,
      isWin: true,
    });
  });

  it("maps floats onto 0..10000 covering every roll", () => {
    expect(diceRoll(0)).toBe(0);
    expect(diceRoll(floatFromU32(2 ** 32 - 1))).toBe(10_000);
    const seen = new Set<number>();
    for (let k = 0; k < DICE_OUTCOMES; k += 1) {
      seen.add(diceRoll(floatFromU32(Number((BigInt(k) * 2n ** 32n + 10_000n) / 10_001n))));
    }
    expect(seen.size).toBe(DICE_OUTCOMES);
  });

  it("returns exactly 99 % for chosen targets by enumeration over all 10001 rolls", () => {
    for (const target of [1, 2, 100, 2500, 5000, 9800]) expectExactRtp({ direction: "under", target });
    for (const target of [200, 4999, 5000, 9000, 9999]) expectExactRtp({ direction: "over", target });
  });

  it("returns exactly 99 % for any valid target", () => {
    fc.assert(
      fc.property(fc.constantFrom("over" as const, "under" as const), fc.integer({ min: 0, max: 10_000 }), (d, t) => {
        const parsed = diceParamsSchema.safeParse({ direction: d, target: t });
        if (parsed.success) expectExactRtp(parsed.data);
      }),
      { numRuns: 60 },
    );
  });

  it("pays floor(stake · 990099 / (100 · wins))", () => {
    const params: DiceParams = { direction: "over", target: 5000 };
    expect(diceMultiplier(params)).toEqual({ num: 990_099n, den: 500_000n });
    expect(dicePayout(100n, params, { roll: 5001, direction: "over", target: 5000, isWin: true })).toBe(198n);
    expect(dicePayout(1_000_000n, params, { roll: 5001, direction: "over", target: 5000, isWin: true })).toBe(
      1_980_198n,
    );
    expect(dicePayout(100n, params, { roll: 5000, direction: "over", target: 5000, isWin: false })).toBe(0n);
    expect(diceMultiplier({ direction: "under", target: 1 })).toEqual({ num: 990_099n, den: 100n });
  });

  it("accepts only targets leaving 1..9800 winning rolls", () => {
    const ok = (direction: "over" | "under", target: number) =>
      diceParamsSchema.safeParse({ direction, target }).success;
    expect(ok("under", 1)).toBe(true);
    expect(ok("under", 0)).toBe(false);
    expect(ok("under", DICE_MAX_WINNING_ROLLS)).toBe(true);
    expect(ok("under", DICE_MAX_WINNING_ROLLS + 1)).toBe(false);
    expect(ok("over", 9999)).toBe(true);
    expect(ok("over", 10_000)).toBe(false);
    expect(ok("over", 200)).toBe(true);
    expect(ok("over", 199)).toBe(false);
    expect(ok("over", 50.5)).toBe(false);
    expect(diceParamsSchema.safeParse({ direction: "sideways", target: 5000 }).success).toBe(false);
  });

  it("rejects unknown keys such as a seed or an outcome", () => {
    expect(diceParamsSchema.safeParse({ direction: "over", target: 5000, serverSeed: "x" }).success).toBe(false);
    expect(diceParamsSchema.safeParse({ direction: "over", target: 5000, outcome: { roll: 9999 } }).success).toBe(
      false,
    );
  });
});
