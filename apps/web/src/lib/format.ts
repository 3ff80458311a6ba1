import { formatMoney } from "@pitboss/ui";

/** A date and time in the player's locale and time zone. */
export const formatDateTime = (value: Date | string, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(value));

/** Minor units of a currency, formatted for the locale (no float anywhere). */
export const formatMinor = (
  amountMinor: bigint | string,
  currency: string,
  exponent: number,
  locale: string,
  signDisplay?: "auto" | "exceptZero",
) => formatMoney({ amountMinor, currency, exponent }, locale, { signDisplay });

/** A display number with fixed decimals from integer hundredths (dice targets, multipliers): 5025 → "50.25". */
export const formatHundredths = (hundredths: number, locale: string) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    `${Math.trunc(hundredths / 100)}.${String(Math.abs(hundredths) % 100).padStart(2, "0")}` as Intl.StringNumericLiteral,
  );

export const formatPercent = (fraction: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    fraction,
  );

/** A client-generated idempotency key for a money command. */
export const newIdempotencyKey = () => crypto.randomUUID();
