import { randomInt } from "node:crypto";

/**
 * Lucky Wheel, the demo studio's game: 20 equal segments, multipliers in tenths. RTP = (sum of multipliers) / 20
 * = 19.0 / 20 = 95.00 % exactly (the catalogue's rtp_bps 9500), medium volatility (top prize 5×).
 */
export const wheelSegmentsTenths: readonly number[] = [
  0, 5, 0, 10, 0, 15, 0, 20, 0, 50, 0, 10, 0, 15, 0, 30, 0, 20, 5, 10,
];

export const wheelRtpBps =
  (wheelSegmentsTenths.reduce((sum, m) => sum + m, 0) * 10_000) / (10 * wheelSegmentsTenths.length);

/** One spin, from the CSPRNG. */
export const spinWheel = (pick: (max: number) => number = randomInt) => {
  const segment = pick(wheelSegmentsTenths.length);
  return { segment, multiplierTenths: wheelSegmentsTenths[segment] ?? 0 };
};

/**
 * The win in Hub88 units (amount × 100000): stake × multiplier, rounded down to the currency's smallest unit
 * (the wallet refuses amounts its currency cannot hold).
 */
export const winUnits = (stakeUnits: bigint, multiplierTenths: number, currencyExponent: number) => {
  const raw = (stakeUnits * BigInt(multiplierTenths)) / 10n;
  const step = currencyExponent >= 5 ? 1n : 10n ** BigInt(5 - currencyExponent);
  return (raw / step) * step;
};
