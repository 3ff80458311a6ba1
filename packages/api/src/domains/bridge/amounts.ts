import { exponentOf, isCurrencyCode } from "@pitboss/db";

/**
 * Studio protocols count money in their own units; the wallet counts integer minor units of the currency. Requests
 * convert exactly (bigint arithmetic) or are refused; balances in responses are rounded down to what the protocol
 * can express, so a studio is never shown more than the player has.
 */
const pow10 = (n: number) => 10n ** BigInt(n);

/** Hub88 units: the amount × 100000 (5 decimals) as an integer. */
export const HUB88_SCALE = 5;

/** Converts an amount counted in 10^-scale of the major unit to minor units, or null when it does not convert exactly. */
export const scaledToMinor = (units: bigint, scale: number, currency: string): bigint | null => {
  if (!isCurrencyCode(currency) || units < 0n) return null;
  const exponent = exponentOf(currency);
  if (exponent >= scale) return units * pow10(exponent - scale);
  const divisor = pow10(scale - exponent);
  return units % divisor === 0n ? units / divisor : null;
};

/** Minor units counted in 10^-scale of the major unit, rounded down when the currency has more decimals. */
export const minorToScaled = (minor: bigint, scale: number, currency: string): bigint => {
  const exponent = exponentOf(currency);
  return exponent <= scale ? minor * pow10(scale - exponent) : minor / pow10(exponent - scale);
};

/** A Hub88 amount (a non-negative safe integer in the JSON) in minor units, or null. */
export const hub88ToMinor = (amount: number, currency: string): bigint | null =>
  Number.isSafeInteger(amount) && amount >= 0 ? scaledToMinor(BigInt(amount), HUB88_SCALE, currency) : null;

export const minorToHub88 = (minor: bigint, currency: string): bigint => minorToScaled(minor, HUB88_SCALE, currency);

const twoDecimals = /^(\d{1,15})(?:\.(\d{1,2}))?$/;

/** A Pragmatic decimal ("10", "10.5", "10.50") in minor units, or null when malformed or not exact. */
export const decimal2ToMinor = (text: string, currency: string): bigint | null => {
  const match = twoDecimals.exec(text);
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  return scaledToMinor(BigInt(whole + fraction.padEnd(2, "0")), 2, currency);
};

/**
 * Minor units scaled by 10^shift (rounded towards zero), written with `places` decimals: how every protocol writes a
 * balance. The database writes balances it fills in the same way (bridge_render); a test keeps the two equal.
 */
export const scaledText = (minor: bigint, shift: number, places: number): string => {
  const scaled = shift >= 0 ? minor * pow10(shift) : minor / pow10(-shift);
  if (places === 0) return scaled.toString();
  const digits = scaled.toString().padStart(places + 1, "0");
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
};

/** Minor units as a decimal with exactly two places ("12.50"), rounded down beyond two decimals. */
export const minorToDecimal2 = (minor: bigint, currency: string): string =>
  scaledText(minor, 2 - exponentOf(currency), 2);

const minorPattern = /^(0|[1-9]\d{0,18})$/;

/** Our protocol's amounts: minor units as a decimal integer string (JSON numbers lose precision beyond 2^53). */
export const parseMinorString = (text: string): bigint | null => {
  if (!minorPattern.test(text)) return null;
  const value = BigInt(text);
  return value <= 2n ** 62n ? value : null;
};
