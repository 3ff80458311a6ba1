import { describe, expect, it } from "vitest";
import { isId, newId } from "./ids";

describe("ids", () => {
  it("are prefixed by kind and sort in creation order", () => {
    const ids = Array.from({ length: 1000 }, () => newId("transaction"));
    expect(ids.every((id) => isId("transaction", id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("draw the random part of a new millisecond's id evenly over the 32 symbols", async () => {
    // The first random symbol of each id minted in a fresh millisecond (later ids in that millisecond increment).
    const counts = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const symbol = newId("event").slice(4 + 10, 4 + 11);
      counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    // 400 draws over 32 symbols: each expected 12.5 times; a stuck or biased generator would leave most unseen.
    expect(counts.size).toBeGreaterThan(24);
    expect(Math.max(...counts.values())).toBeLessThan(40);
  });

  it("cannot be mistaken for another kind", () => {
    expect(isId("player", newId("transaction"))).toBe(false);
    expect(isId("player", "ply_123")).toBe(false);
  });
});
