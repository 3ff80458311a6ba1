import { DomainError } from "./errors";

/**
 * Money is an integer count of the currency's minor unit plus the currency code: never a float.
 * The exponent table mirrors the `currency` table (seeded by the first migration); a test keeps them equal.
 */
export const currencyExponents = {
  EUR: 2,
  USD: 2,
  GBP: 2,
  BRL: 2,
  TRY: 2,
  JPY: 0,
  BTC: 8,
  USDT: 6,
} as const satisfies Record<string, number>;

export type CurrencyCode = keyof typeof currencyExponents;
export type Money = { readonly amountMinor: bigint; readonly currency: CurrencyCode };

export const isCurrencyCode = (code: string): code is CurrencyCode => Object.hasOwn(currencyExponents, code);

export const exponentOf = (currency: string): number => {
  if (!isCurrencyCode(currency)) throw new DomainError("UNKNOWN_CURRENCY", { meta: { currency } });
  return currencyExponents[currency];
};

export const money = (amountMinor: bigint, currency: string): Money => {
  exponentOf(currency);
  return { amountMinor, currency: currency as CurrencyCode };
};

const decimalPattern = /^(-)?(\d+)(?:\.(\d+))?$/;

/** "12.34" EUR → 1234n. Rejects more decimals than the currency has, exponents, spaces and NaN. */
export const parseMoney = (decimal: string, currency: string): Money => {
  const exponent = exponentOf(currency);
  const match = decimalPattern.exec(decimal.trim());
  if (!match) throw new DomainError("INVALID_AMOUNT", { meta: { amount: decimal, currency } });
  const [, sign, whole = "0", fraction = ""] = match;
  if (fraction.length > exponent) {
    throw new DomainError("INVALID_AMOUNT", {
      message: `${currency} has ${exponent} decimal places`,
      meta: { amount: decimal, currency, exponent },
    });
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, "0"));
  return money(sign ? -minor : minor, currency);
};

/** 1234n EUR → "12.34" (exact decimal string, the form events and provider protocols carry). */
export const toDecimalString = ({ amountMinor, currency }: Money): string => {
  const exponent = exponentOf(currency);
  const negative = amountMinor < 0n;
  const digits = (negative ? -amountMinor : amountMinor).toString().padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
};

const assertSameCurrency = (a: Money, b: Money) => {
  if (a.currency !== b.currency) {
    throw new DomainError("CURRENCY_MISMATCH", { meta: { left: a.currency, right: b.currency } });
  }
};

export const addMoney = (a: Money, b: Money): Money => {
  assertSameCurrency(a, b);
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency };
};

export const subtractMoney = (a: Money, b: Money): Money => {
  assertSameCurrency(a, b);
  return { amountMinor: a.amountMinor - b.amountMinor, currency: a.currency };
};

export const compareMoney = (a: Money, b: Money): -1 | 0 | 1 => {
  assertSameCurrency(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
};

/**
 * Splits `total` over `weights` in proportion, exactly: floors every share and hands the remainder to the
 * first weight (so the shares always add up to the total). Used to return a win or refund to the sources
 * a stake came from.
 */
export const allocateProportionally = (total: bigint, weights: readonly bigint[]): bigint[] => {
  const sum = weights.reduce((acc, w) => acc + w, 0n);
  if (sum === 0n) return weights.map((_, i) => (i === 0 ? total : 0n));
  const shares = weights.map((w) => (total * w) / sum);
  const remainder = total - shares.reduce((acc, s) => acc + s, 0n);
  shares[0] = (shares[0] ?? 0n) + remainder;
  return shares;
};
