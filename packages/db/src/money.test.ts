import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import {
  addMoney,
  allocateProportionally,
  compareMoney,
  currencyExponents,
  money,
  parseMoney,
  toDecimalString,
} from "./money";

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : "OTHER";
  }
  return "NO_ERROR";
};

describe("money", () => {
  it("parses decimal strings into exact minor units for each exponent", () => {
    expect(parseMoney("12.34", "EUR")).toEqual({ amountMinor: 1234n, currency: "EUR" });
    expect(parseMoney("12.3", "EUR").amountMinor).toBe(1230n);
    expect(parseMoney("1500", "JPY").amountMinor).toBe(1500n);
    expect(parseMoney("0.00000001", "BTC").amountMinor).toBe(1n);
    expect(parseMoney("21000000", "BTC").amountMinor).toBe(2_100_000_000_000_000n);
    expect(parseMoney("-0.5", "USDT").amountMinor).toBe(-500_000n);
  });

  it("rejects more decimals than the currency has, and anything that is not a plain decimal", () => {
    expect(codeOf(() => parseMoney("1.234", "EUR"))).toBe("INVALID_AMOUNT");
    expect(codeOf(() => parseMoney("1.5", "JPY"))).toBe("INVALID_AMOUNT");
    for (const bad of ["", "1e3", "NaN", "1,00", "--1", ".5", "Infinity"])
      expect(codeOf(() => parseMoney(bad, "EUR"))).toBe("INVALID_AMOUNT");
    expect(codeOf(() => parseMoney("1", "XXX"))).toBe("UNKNOWN_CURRENCY");
  });

  it("formats back to the same decimal string (round trip for every currency)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.constantFrom(...Object.keys(currencyExponents)),
        (minor, currency) => {
          const value = money(minor, currency);
          expect(parseMoney(toDecimalString(value), currency)).toEqual(value);
        },
      ),
    );
    expect(toDecimalString(money(5n, "EUR"))).toBe("0.05");
    expect(toDecimalString(money(-123n, "JPY"))).toBe("-123");
  });

  it("refuses to add or compare different currencies", () => {
    expect(codeOf(() => addMoney(money(1n, "EUR"), money(1n, "USD")))).toBe("CURRENCY_MISMATCH");
    expect(codeOf(() => compareMoney(money(1n, "EUR"), money(1n, "GBP")))).toBe("CURRENCY_MISMATCH");
    expect(addMoney(money(1n, "EUR"), money(2n, "EUR")).amountMinor).toBe(3n);
  });

  it("allocates proportionally without losing or creating a minor unit", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 4 }),
        (total, weights) => {
          const shares = allocateProportionally(total, weights);
          expect(shares.reduce((a, b) => a + b, 0n)).toBe(total);
          expect(shares.every((s) => s >= 0n)).toBe(true);
        },
      ),
    );
    expect(allocateProportionally(1001n, [300n, 700n])).toEqual([301n, 700n]);
  });
});
