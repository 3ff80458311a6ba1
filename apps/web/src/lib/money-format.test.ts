import { formatMoney, minorToDecimal } from "@pitboss/ui";
import { describe, expect, it } from "vitest";

const nbsp = /\u00a0|\u202f/g;
const plain = (text: string) => text.replace(nbsp, " ");

describe("minor units to decimal", () => {
  it("places the decimal point by the currency exponent, exactly", () => {
    expect(minorToDecimal(123456n, 2)).toBe("1234.56");
    expect(minorToDecimal(-5n, 2)).toBe("-0.05");
    expect(minorToDecimal(7n, 0)).toBe("7");
    expect(minorToDecimal("1", 8)).toBe("0.00000001");
    expect(minorToDecimal(0n, 2)).toBe("0.00");
    // Beyond 2^53: a float would have lost the last digits.
    expect(minorToDecimal(9_007_199_254_740_993n, 2)).toBe("90071992547409.93");
  });
  it("refuses what is not an integer amount", () => {
    expect(() => minorToDecimal("1.5", 2)).toThrow();
    expect(() => minorToDecimal(1n, -1)).toThrow();
  });
});

describe("formatMoney", () => {
  it("formats per locale with the currency's own decimals", () => {
    expect(plain(formatMoney({ amountMinor: 123456n, exponent: 2, currency: "EUR" }, "en"))).toBe("€1,234.56");
    expect(plain(formatMoney({ amountMinor: 123456n, exponent: 2, currency: "EUR" }, "de"))).toBe("1.234,56 €");
    expect(plain(formatMoney({ amountMinor: 1250n, exponent: 2, currency: "BRL" }, "pt-BR"))).toBe("R$ 12,50");
    expect(plain(formatMoney({ amountMinor: 1500n, exponent: 0, currency: "JPY" }, "en"))).toBe("¥1,500");
    expect(plain(formatMoney({ amountMinor: 150000n, exponent: 2, currency: "TRY" }, "tr"))).toBe("₺1.500,00");
  });
  it("keeps every digit of large and crypto amounts", () => {
    expect(plain(formatMoney({ amountMinor: 9_007_199_254_740_993n, exponent: 2, currency: "USD" }, "en"))).toBe(
      "$90,071,992,547,409.93",
    );
    expect(plain(formatMoney({ amountMinor: 1n, exponent: 8, currency: "BTC" }, "en"))).toContain("0.00000001");
    expect(plain(formatMoney({ amountMinor: 12_500_000n, exponent: 6, currency: "USDT" }, "en"))).toBe(
      "12.500000 USDT",
    );
  });
  it("accepts a decimal string and shows signs when asked", () => {
    expect(plain(formatMoney({ decimal: "-10.50", currency: "EUR" }, "en"))).toBe("-€10.50");
    expect(
      plain(formatMoney({ amountMinor: 1000n, exponent: 2, currency: "EUR" }, "en", { signDisplay: "exceptZero" })),
    ).toBe("+€10.00");
  });
  it("uses Arabic-script digits and right-to-left marks where the locale does", () => {
    expect(formatMoney({ amountMinor: 1000n, exponent: 2, currency: "USD" }, "ar-EG")).toMatch(/[٠-٩]/);
  });
});
