/**
 * Money for display, never through a float: amounts are integer minor units (bigint or a digit string) plus the
 * currency's exponent, or an exact decimal string; Intl.NumberFormat formats the decimal string exactly.
 */
export type MoneyAmount =
  | { amountMinor: bigint | string; exponent: number; currency: string }
  | { decimal: string; exponent?: number; currency: string };

const digitsPattern = /^-?\d+$/;
const decimalPattern = /^-?\d+(\.\d+)?$/;

/** 123456n, 2 → "1234.56"; -5n, 2 → "-0.05"; 7n, 0 → "7". */
export const minorToDecimal = (amountMinor: bigint | string, exponent: number): string => {
  const text = typeof amountMinor === "bigint" ? amountMinor.toString() : amountMinor.trim();
  if (!digitsPattern.test(text)) throw new RangeError(`not an integer amount: ${text}`);
  if (!Number.isInteger(exponent) || exponent < 0 || exponent > 18) throw new RangeError(`bad exponent ${exponent}`);
  const negative = text.startsWith("-");
  const digits = (negative ? text.slice(1) : text).padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent).replace(/^0+(?=\d)/, "");
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : "";
  const isZero = /^0*$/.test(digits);
  return `${negative && !isZero ? "-" : ""}${whole}${fraction}`;
};

const isIsoCurrency = (code: string) => /^[A-Z]{3}$/.test(code);
const formats = new Map<string, Intl.NumberFormat>();

const numberFormat = (
  locale: string,
  currency: string,
  exponent: number,
  signDisplay: Intl.NumberFormatOptions["signDisplay"],
) => {
  const key = `${locale}|${currency}|${exponent}|${signDisplay}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      ...(isIsoCurrency(currency) ? { style: "currency", currency, currencyDisplay: "narrowSymbol" } : {}),
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
      signDisplay,
    });
    formats.set(key, format);
  }
  return format;
};

export type FormatMoneyOptions = { signDisplay?: "auto" | "always" | "exceptZero" | "never" };

/**
 * "€1,234.56", "1.234,56 €", "R$ 12,50", "12.500000 USDT" (codes Intl does not know as currencies get the code as
 * a suffix). The decimal string goes to Intl as is, so no digit is ever lost to floating point.
 */
export const formatMoney = (amount: MoneyAmount, locale: string, options: FormatMoneyOptions = {}): string => {
  const { decimal, exponent } =
    "decimal" in amount
      ? { decimal: amount.decimal.trim(), exponent: amount.exponent ?? amount.decimal.split(".")[1]?.length ?? 0 }
      : { decimal: minorToDecimal(amount.amountMinor, amount.exponent), exponent: amount.exponent };
  if (!decimalPattern.test(decimal)) throw new RangeError(`not a decimal amount: ${decimal}`);
  const text = numberFormat(locale, amount.currency, exponent, options.signDisplay ?? "auto").format(
    decimal as Intl.StringNumericLiteral,
  );
  return isIsoCurrency(amount.currency) ? text : `${text} ${amount.currency}`;
};
