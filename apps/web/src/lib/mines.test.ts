import { minesMultiplier, payoutFor } from "@pitboss/api/client";
import { describe, expect, it } from "vitest";
import { ratioHundredths } from "./mines";

describe("mines multipliers shown while playing", () => {
  it("match the engine's exact ratios", () => {
    // 1 mine, 1 safe tile: 0.99 · 25/24 = 1.03125.
    expect(payoutFor(10_000n, minesMultiplier(1, 1))).toBe(10_312n);
    // 3 mines, 2 safe tiles: 0.99 · 300/231.
    expect(payoutFor(100n, minesMultiplier(3, 2))).toBe((100n * 99n * 300n) / (100n * 231n));
    // 24 mines, the only safe tile: 24.75×.
    expect(ratioHundredths(minesMultiplier(24, 1))).toBe(2475);
    // Before any tile: 0.99×, never offered as a cash-out (the engine needs one safe tile).
    expect(ratioHundredths(minesMultiplier(5, 0))).toBe(99);
  });
});
