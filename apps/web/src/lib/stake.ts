/**
 * A stake typed in major units ("1.50") as integer minor units, by string arithmetic only (no float ever holds
 * money). Null when it is not a positive amount with at most `exponent` decimals.
 */
export const parseStakeToMinor = (text: string, exponent: number): bigint | null => {
  const normalized = text.trim().replace(",", ".");
  const match = /^(\d{1,15})(?:\.(\d*))?$/.exec(normalized);
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  if (fraction.length > exponent) return null;
  const minor = BigInt(whole + fraction.padEnd(exponent, "0"));
  return minor > 0n ? minor : null;
};

/** Minor units back to the plain decimal an input shows (no grouping, "." separator). */
export const minorToInput = (minor: bigint, exponent: number): string => {
  const digits = minor.toString().padStart(exponent + 1, "0");
  return exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
};
