import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decimal2ToMinor,
  hub88ToMinor,
  minorToDecimal2,
  minorToHub88,
  parseMinorString,
  scaledToMinor,
} from "./amounts";

describe("Hub88 amounts (× 100000)", () => {
  it("convert exactly into minor units of the currency", () => {
    expect(hub88ToMinor(150_000, "EUR")).toBe(150n);
    expect(hub88ToMinor(1_000, "EUR")).toBe(1n);
    expect(hub88ToMinor(0, "EUR")).toBe(0n);
    expect(hub88ToMinor(100_000, "JPY")).toBe(1n);
    expect(hub88ToMinor(1, "BTC")).toBe(1_000n);
    expect(hub88ToMinor(1, "USDT")).toBe(10n);
  });

  it("refuse amounts the currency cannot hold, negatives, fractions and unsafe integers", () => {
    expect(hub88ToMinor(1, "EUR")).toBeNull();
    expect(hub88ToMinor(150_500, "EUR")).toBeNull();
    expect(hub88ToMinor(50_000, "JPY")).toBeNull();
    expect(hub88ToMinor(-1_000, "EUR")).toBeNull();
    expect(hub88ToMinor(1.5, "EUR")).toBeNull();
    expect(hub88ToMinor(2 ** 60, "EUR")).toBeNull();
    expect(hub88ToMinor(1_000, "XXX")).toBeNull();
  });

  it("report balances in Hub88 units, rounded down where the currency has more than 5 decimals", () => {
    expect(minorToHub88(1_234n, "EUR")).toBe(1_234_000n);
    expect(minorToHub88(7n, "JPY")).toBe(700_000n);
    expect(minorToHub88(123_456_789n, "BTC")).toBe(123_456n);
  });

  it("round-trip every EUR amount exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), (minor) => {
        expect(hub88ToMinor(Number(minorToHub88(minor, "EUR")), "EUR")).toBe(minor);
      }),
    );
  });
});

describe("Pragmatic amounts (two decimals)", () => {
  it("convert exactly", () => {
    expect(decimal2ToMinor("10", "EUR")).toBe(1_000n);
    expect(decimal2ToMinor("10.5", "EUR")).toBe(1_050n);
    expect(decimal2ToMinor("10.50", "EUR")).toBe(1_050n);
    expect(decimal2ToMinor("0.01", "EUR")).toBe(1n);
    expect(decimal2ToMinor("100.00", "JPY")).toBe(100n);
    expect(decimal2ToMinor("0.01", "BTC")).toBe(1_000_000n);
  });

  it("refuse malformed or inexact amounts", () => {
    for (const text of ["", "1.005", "-1", "1e3", " 1", "1.", ".5", "NaN", "1,5"]) {
      expect(decimal2ToMinor(text, "EUR"), text).toBeNull();
    }
    expect(decimal2ToMinor("100.50", "JPY")).toBeNull();
  });

  it("write balances with exactly two places", () => {
    expect(minorToDecimal2(0n, "EUR")).toBe("0.00");
    expect(minorToDecimal2(5n, "EUR")).toBe("0.05");
    expect(minorToDecimal2(1_250n, "EUR")).toBe("12.50");
    expect(minorToDecimal2(7n, "JPY")).toBe("7.00");
    expect(minorToDecimal2(123_456_789n, "BTC")).toBe("1.23");
  });

  it("round-trip every EUR amount exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), (minor) => {
        expect(decimal2ToMinor(minorToDecimal2(minor, "EUR"), "EUR")).toBe(minor);
      }),
    );
  });
});

describe("our protocol's minor-unit strings", () => {
  it("accept canonical non-negative integers only", () => {
    expect(parseMinorString("0")).toBe(0n);
    expect(parseMinorString("123456789012345678")).toBe(123_456_789_012_345_678n);
    for (const text of ["", "-1", "01", "1.0", "1e3", " 1", "9999999999999999999"]) {
      expect(parseMinorString(text), text).toBeNull();
    }
  });

  it("scaledToMinor refuses unknown currencies and negatives", () => {
    expect(scaledToMinor(100n, 2, "NOPE")).toBeNull();
    expect(scaledToMinor(-100n, 2, "EUR")).toBeNull();
  });
});
