/** Formats integer minor units exactly (no floats): 123456n, exponent 2 → "1,234.56 EUR" in the UI locale. */
export const formatMinor = (amountMinor: bigint, currency: string, exponent: number, locale = "en") => {
  const negative = amountMinor < 0n;
  const digits = (negative ? -amountMinor : amountMinor).toString().padStart(exponent + 1, "0");
  const whole = BigInt(digits.slice(0, digits.length - exponent) || "0");
  const fraction = exponent > 0 ? digits.slice(digits.length - exponent) : "";
  const grouped = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(whole);
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.1).find((p) => p.type === "decimal")?.value ?? ".";
  return `${negative ? "−" : ""}${grouped}${fraction ? `${decimal}${fraction}` : ""} ${currency}`;
};

export const formatDateTime = (value: Date | string, locale = "en") =>
  new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium", timeZone: "UTC" }).format(new Date(value));
