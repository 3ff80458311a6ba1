import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { outcomeFloats } from "./fairness";
import { floatFromU32, TWO_POW_32 } from "./float-to-int";
import {
  MINES_CELLS,
  minePositions,
  minesMultiplier,
  minesParamsSchema,
  minesPayout,
  minesRoundMultiplier,
  resolveMines,
  revealCell,
} from "./mines";
import { compareRatios } from "./payout";

const binomial = (n: number, k: number): bigint => {
  let r = 1n;
  for (let i = 0; i < k; i += 1) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return r;
};
/** The float whose index out of n is k (the first u32 mapping to k). */
const indexFloat = (k: number, n: number) =>
  floatFromU32(Number((BigInt(k) * BigInt(TWO_POW_32) + BigInt(n) - 1n) / BigInt(n)));

describe("mines", () => {
  it("multiplies 0.99 · C(25, k) / C(25 − mines, k) exactly", () => {
    expect(minesMultiplier(1, 1)).toEqual({ num: 99n * 25n, den: 100n * 24n }); // 1.03125×
    expect(minesMultiplier(24, 1)).toEqual({ num: 99n * 25n, den: 100n }); // 24.75×
    expect(minesMultiplier(3, 0)).toEqual({ num: 99n, den: 100n });
    expect(minesMultiplier(1, 24)).toEqual({ num: 99n * 25n, den: 100n }); // C(25,24)=25, C(24,24)=1
    expect(() => minesMultiplier(5, 21)).toThrow(RangeError);
    expect(() => minesMultiplier(0, 1)).toThrow(RangeError);
    expect(() => minesMultiplier(25, 0)).toThrow(RangeError);
  });

  it("returns exactly 99 % at every cash-out point and grows with reveals and mines", () => {
    for (let mines = 1; mines <= 24; mines += 1) {
      for (let k = 0; k <= MINES_CELLS - mines; k += 1) {
        const m = minesMultiplier(mines, k);
        // P(survive k) = C(25 − mines, k) / C(25, k); P · multiplier = 0.99
        expect(100n * m.num * binomial(MINES_CELLS - mines, k)).toBe(99n * m.den * binomial(MINES_CELLS, k));
        if (k > 0) expect(compareRatios(m, minesMultiplier(mines, k - 1))).toBe(1);
        if (k > 0 && mines > 1 && k <= MINES_CELLS - mines) {
          expect(compareRatios(m, minesMultiplier(mines - 1, k))).toBe(1);
        }
      }
    }
  });

  it("draws distinct mines by Fisher–Yates over the remaining cells", () => {
    expect(minePositions(3, [0, 0, 0])).toEqual([0, 1, 2]);
    const last = floatFromU32(TWO_POW_32 - 1);
    expect(minePositions(3, [last, last, last])).toEqual([24, 23, 22]);
    // second draw picks index 4 of the 24 remaining cells [0..9, 11..24] → 4; third picks index 10 of [0..3, 5..9, 11..] → 12
    expect(minePositions(3, [indexFloat(10, 25), indexFloat(4, 24), indexFloat(10, 23)])).toEqual([10, 4, 12]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.string(), fc.nat(), (mines, clientSeed, nonce) => {
        const positions = minePositions(mines, outcomeFloats("seed", clientSeed, nonce, mines));
        expect(positions).toHaveLength(mines);
        expect(new Set(positions).size).toBe(mines);
        for (const cell of positions) expect(cell >= 0 && cell < MINES_CELLS).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("reaches each ordered pair of two mines from exactly one pair of indices", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 25; i += 1) {
      for (let j = 0; j < 24; j += 1) seen.add(minePositions(2, [indexFloat(i, 25), indexFloat(j, 24)]).join(","));
    }
    expect(seen.size).toBe(25 * 24);
  });

  it("reveals cells one at a time", () => {
    const mines = [3, 7, 11];
    const first = revealCell(mines, [], 0);
    expect(first).toEqual({
      kind: "safe",
      cell: 0,
      revealed: [0],
      multiplier: minesMultiplier(3, 1),
      isCleared: false,
    });
    expect(revealCell(mines, [0], 7)).toEqual({ kind: "mine", cell: 7, revealed: [0, 7] });
    expect(() => revealCell(mines, [0], 0)).toThrow(RangeError);
    expect(() => revealCell(mines, [0, 7], 1)).toThrow(RangeError);
    expect(() => revealCell(mines, [], 25)).toThrow(RangeError);
    const safe = Array.from({ length: 25 }, (_, c) => c).filter((c) => !mines.includes(c));
    const lastStep = revealCell(mines, safe.slice(0, -1), safe.at(-1) ?? -1);
    expect(lastStep.kind === "safe" && lastStep.isCleared).toBe(true);
  });

  it("settles a round: cash out after the picks, or lose at the first mine", () => {
    const floats = [indexFloat(24, 25), indexFloat(0, 24)]; // mines at 24 and 0
    const win = resolveMines({ mines: 2, picks: [5, 6, 7] }, floats);
    expect(win).toEqual({ mines: 2, minePositions: [24, 0], safeReveals: [5, 6, 7], hitMine: null, isWin: true });
    expect(minesRoundMultiplier(win)).toEqual(minesMultiplier(2, 3));
    expect(minesPayout(1000n, win)).toBe((1000n * 99n * binomial(25, 3)) / (100n * binomial(23, 3)));
    const loss = resolveMines({ mines: 2, picks: [5, 0, 7] }, floats);
    expect(loss).toEqual({ mines: 2, minePositions: [24, 0], safeReveals: [5], hitMine: 0, isWin: false });
    expect(minesPayout(1000n, loss)).toBe(0n);
  });

  it("validates parameters and rejects unknown keys", () => {
    const ok = (value: unknown) => minesParamsSchema.safeParse(value).success;
    expect(ok({ mines: 3, picks: [0, 1] })).toBe(true);
    expect(ok({ mines: 0, picks: [0] })).toBe(false);
    expect(ok({ mines: 25, picks: [0] })).toBe(false);
    expect(ok({ mines: 3, picks: [] })).toBe(false);
    expect(ok({ mines: 3, picks: [1, 1] })).toBe(false);
    expect(ok({ mines: 3, picks: [25] })).toBe(false);
    expect(ok({ mines: 24, picks: [0, 1] })).toBe(false);
    expect(ok({ mines: 3, picks: [0], serverSeed: "x" })).toBe(false);
    expect(ok({ mines: 3, picks: [0], outcome: { minePositions: [] } })).toBe(false);
  });
});
