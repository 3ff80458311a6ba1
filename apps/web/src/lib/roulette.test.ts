import { SHAPED_BET_LAYOUTS } from "@pitboss/api/client";
import { describe, expect, it } from "vitest";
import { spotPositionOf } from "./roulette";

describe("where the roulette board draws a bet's spot", () => {
  it("puts a number at the centre of its cell", () => {
    expect(spotPositionOf([1])).toEqual({ x: 0.5, y: 0.5 });
    expect(spotPositionOf([36])).toEqual({ x: 2.5, y: 11.5 });
  });

  it("puts splits and corners on the border or crossing they span", () => {
    expect(spotPositionOf([1, 2])).toEqual({ x: 1, y: 0.5 });
    expect(spotPositionOf([18, 21])).toEqual({ x: 2.5, y: 6 });
    expect(spotPositionOf([32, 33, 35, 36])).toEqual({ x: 2, y: 11 });
  });

  it("puts streets and six lines in the gutter beside their rows", () => {
    expect(spotPositionOf([4, 5, 6])).toEqual({ x: -0.5, y: 1.5 });
    expect(spotPositionOf([31, 32, 33, 34, 35, 36])).toEqual({ x: -0.5, y: 11 });
  });

  it("gives every bet the engine accepts a place of its own on the table", () => {
    for (const layouts of Object.values(SHAPED_BET_LAYOUTS)) {
      const places = new Set(layouts.map((numbers) => JSON.stringify(spotPositionOf(numbers))));
      expect(places.size).toBe(layouts.length);
    }
  });
});
