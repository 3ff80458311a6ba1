import { describe, expect, it } from "vitest";
import { minorToInput, parseStakeToMinor } from "./stake";

describe("stake input", () => {
  it("turns a typed amount into minor units without floats", () => {
    expect(parseStakeToMinor("1.50", 2)).toBe(150n);
    expect(parseStakeToMinor("0,1", 2)).toBe(10n);
    expect(parseStakeToMinor("0.00000001", 8)).toBe(1n);
    expect(parseStakeToMinor("250", 0)).toBe(250n);
    expect(parseStakeToMinor("0.1", 0)).toBeNull();
    expect(parseStakeToMinor("1.234", 2)).toBeNull();
    expect(parseStakeToMinor("0", 2)).toBeNull();
    expect(parseStakeToMinor("-1", 2)).toBeNull();
    expect(parseStakeToMinor("1e3", 2)).toBeNull();
  });
  it("shows minor units back as a plain decimal", () => {
    expect(minorToInput(150n, 2)).toBe("1.50");
    expect(minorToInput(5n, 2)).toBe("0.05");
    expect(minorToInput(7n, 0)).toBe("7");
  });
});
