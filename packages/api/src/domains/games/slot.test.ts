import { describe, expect, it } from "vitest";
import { outcomeFloats } from "./fairness";
import { floatFromU32, TWO_POW_32 } from "./float-to-int";
import {
  evaluateGrid,
  lineWin,
  resolveSlot,
  slotGrid,
  slotParamsSchema,
  slotPayout,
  slotRoundMultiplier,
  slotStops,
} from "./slot";
import { FRUIT_FIVE, FRUIT_FIVE_PAYLINES, parseStrip, type SlotConfig, slotSymbols } from "./slot-paytable";
import { computeSlotRtpExact, SIMULATION_CLIENT_SEED, simulateSlotRtp } from "./slot-rtp";

/** A tiny machine (768 stop combinations) with wilds on reel 1 and stacked stars, for brute-force enumeration. */
const MINI: SlotConfig = {
  reels: ["WSC7", "SSCW", "7CW", "CSL7", "WC7S"].map(parseStrip),
  paylines: FRUIT_FIVE_PAYLINES,
  linePays: {
    wild: [10, 50, 200],
    seven: [5, 20, 100],
    bell: [3, 9, 27],
    grape: [3, 9, 27],
    orange: [2, 6, 18],
    lemon: [2, 4, 6],
    cherry: [1, 3, 8],
  },
  scatterPays: [2, 5, 30],
};

const allStops = (config: SlotConfig): number[][] =>
  config.reels.reduce<number[][]>(
    (combos, strip) => combos.flatMap((combo) => strip.map((_, stop) => [...combo, stop])),
    [[]],
  );

describe("fruit-five slot", () => {
  it("has 5 strips of 20–32 symbols, 8 symbol kinds and 10 distinct paylines", () => {
    expect(FRUIT_FIVE.reels).toHaveLength(5);
    for (const strip of FRUIT_FIVE.reels) {
      expect(strip.length).toBeGreaterThanOrEqual(20);
      expect(strip.length).toBeLessThanOrEqual(32);
    }
    expect(new Set(FRUIT_FIVE.reels.flat())).toEqual(new Set(slotSymbols));
    expect(FRUIT_FIVE.reels[0]).not.toContain("wild");
    expect(FRUIT_FIVE.paylines).toHaveLength(10);
    expect(new Set(FRUIT_FIVE.paylines.map((line) => line.join(""))).size).toBe(10);
    for (const line of FRUIT_FIVE.paylines) {
      expect(line).toHaveLength(5);
      for (const row of line) expect([0, 1, 2]).toContain(row);
    }
  });

  it("pays left-to-right runs with wild substitution, never through a star", () => {
    const win = (symbols: string) => lineWin(FRUIT_FIVE, parseStrip(symbols));
    expect(win("CCCLL")).toEqual({ symbol: "cherry", count: 3, pays: 4 });
    expect(win("7W7W7")).toEqual({ symbol: "seven", count: 5, pays: 750 });
    expect(win("BWWBL")).toEqual({ symbol: "bell", count: 4, pays: 75 });
    expect(win("CWSCC")).toBeNull();
    expect(win("SWWWW")).toBeNull();
    expect(win("BBLBB")).toBeNull();
    expect(win("LCCCC")).toBeNull();
    const mini = (symbols: string) => lineWin(MINI, parseStrip(symbols));
    expect(mini("WWWCC")).toEqual({ symbol: "wild", count: 3, pays: 10 });
    expect(mini("WW77L")).toEqual({ symbol: "seven", count: 4, pays: 20 });
    expect(mini("WWWWW")).toEqual({ symbol: "wild", count: 5, pays: 200 });
    expect(mini("WWW7L")).toEqual({ symbol: "seven", count: 4, pays: 20 });
    expect(mini("WWWCL")).toEqual({ symbol: "wild", count: 3, pays: 10 });
    expect(mini("WWW77")).toEqual({ symbol: "seven", count: 5, pays: 100 });
  });

  it("shows strip[stop], strip[stop + 1], strip[stop + 2], wrapping", () => {
    const last = floatFromU32(TWO_POW_32 - 1);
    const stops = slotStops([last, 0, last, 0, last]);
    expect(stops).toEqual([27, 0, 30, 0, 29]);
    const grid = slotGrid(stops);
    const strip0 = FRUIT_FIVE.reels[0] ?? [];
    expect(grid[0]).toEqual([strip0[27], strip0[0], strip0[1]]);
    expect(grid[1]).toEqual(FRUIT_FIVE.reels[1]?.slice(0, 3));
    expect(() => slotGrid([28, 0, 0, 0, 0])).toThrow(RangeError);
  });

  it("counts scatters anywhere and scales them by the active lines", () => {
    const grid = slotGrid([26, 7, 18, 0, 11]); // a star in view on every reel
    const all = evaluateGrid(grid, 10);
    expect(all.scatter).toEqual({ count: 5, pays: 250 });
    const one = evaluateGrid(grid, 1);
    expect(one.scatter).toEqual({ count: 5, pays: 250 });
    expect(all.winUnits - all.lineWins.reduce((s, w) => s + w.pays, 0)).toBe(2500);
    expect(one.winUnits - one.lineWins.reduce((s, w) => s + w.pays, 0)).toBe(250);
  });

  it("has an exact RTP of 53561/55800 ≈ 95.987 %, between 95 % and 97 %", () => {
    const started = performance.now();
    const rtp = computeSlotRtpExact();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(rtp.combinations).toBe(28n * 30n * 31n * 30n * 30n);
    expect({ num: rtp.num, den: rtp.den }).toEqual({ num: 53_561n, den: 55_800n });
    expect(rtp.line).toEqual({ num: 721_207n, den: 781_200n });
    expect(rtp.scatter).toEqual({ num: 3_183n, den: 86_800n });
    expect(rtp.rtp).toBeGreaterThan(0.95);
    expect(rtp.rtp).toBeLessThan(0.97);
    expect(rtp.rtp).toBeCloseTo(0.959874551971326, 12);
  });

  it("matches brute-force enumeration of every stop combination (small machine, 1, 3 and 10 lines)", () => {
    const exact = computeSlotRtpExact(MINI);
    const combos = allStops(MINI);
    expect(BigInt(combos.length)).toBe(exact.combinations);
    for (const lines of [1, 3, 10]) {
      let units = 0n;
      for (const stops of combos) units += BigInt(evaluateGrid(slotGrid(stops, MINI), lines, MINI).winUnits);
      // units / (combos · lines) = num / den
      expect(units * exact.den).toBe(exact.num * BigInt(combos.length) * BigInt(lines));
    }
  });

  it("simulates close to the exact RTP through the fairness scheme (2·10^5 spins)", () => {
    const exact = computeSlotRtpExact();
    const sim = simulateSlotRtp(200_000, "fruit-five-unit-test");
    expect(sim.totalBetUnits).toBe(2_000_000n);
    expect(sim.hits / sim.spins).toBeGreaterThan(0.35);
    // per-spin return has σ ≈ 2.6 total bets, so the standard error over 2·10^5 spins is ≈ 0.0058: allow ≈ 4σ
    expect(Math.abs(sim.rtp - exact.rtp)).toBeLessThan(0.025);
  });

  it("simulates exactly what resolveSlot settles", () => {
    const seed = "fruit-five-consistency";
    const spins = 2_000;
    let units = 0;
    for (let nonce = 0; nonce < spins; nonce += 1) {
      units += resolveSlot({ lines: 10 }, outcomeFloats(seed, SIMULATION_CLIENT_SEED, nonce, 5)).winUnits;
    }
    expect(simulateSlotRtp(spins, seed).totalWinUnits).toBe(BigInt(units));
  });

  it("pays lineStake · winUnits on a total bet of lineStake · lines", () => {
    const winning = resolveSlot({ lines: 10 }, outcomeFloats("payout-seed", SIMULATION_CLIENT_SEED, 0, 5));
    const outcome =
      Array.from({ length: 50 }, (_, nonce) =>
        resolveSlot({ lines: 10 }, outcomeFloats("payout-seed", SIMULATION_CLIENT_SEED, nonce, 5)),
      ).find((o) => o.isWin) ?? winning;
    expect(outcome.isWin).toBe(true);
    expect(slotRoundMultiplier(outcome)).toEqual({ num: BigInt(outcome.winUnits), den: 10n });
    expect(slotPayout(250n, outcome)).toBe(25n * BigInt(outcome.winUnits));
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
  });

  it("validates parameters and rejects unknown keys", () => {
    expect(slotParamsSchema.parse({})).toEqual({ lines: 10 });
    expect(slotParamsSchema.safeParse({ lines: 1 }).success).toBe(true);
    expect(slotParamsSchema.safeParse({ lines: 0 }).success).toBe(false);
    expect(slotParamsSchema.safeParse({ lines: 11 }).success).toBe(false);
    expect(slotParamsSchema.safeParse({ serverSeed: "x" }).success).toBe(false);
    expect(slotParamsSchema.safeParse({ lines: 10, outcome: { stops: [0, 0, 0, 0, 0] } }).success).toBe(false);
  });
});
