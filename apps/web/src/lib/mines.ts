/**
 * Mines as the step-by-step screen shows it: the cash-out multiplier after k safe tiles with m mines in 25 is
 * 0.99 · C(25, k) / C(25 − m, k), the engine's exact ratio (packages/api domains/games/mines.ts), kept as
 * integers so the amount shown is exactly what cashing out pays: floor(stake · num / den).
 */
export const MINES_CELLS = 25;

const binomial = (n: number, k: number): bigint => {
  if (k < 0 || k > n) return 0n;
  let result = 1n;
  for (let i = 0; i < k; i += 1) result = (result * BigInt(n - i)) / BigInt(i + 1);
  return result;
};

export type Ratio = { num: bigint; den: bigint };

export const minesMultiplier = (mines: number, safeReveals: number): Ratio => ({
  num: 99n * binomial(MINES_CELLS, safeReveals),
  den: 100n * binomial(MINES_CELLS - mines, safeReveals),
});

/** What cashing out pays now, in minor units. */
export const cashOutMinor = (stakeMinor: bigint, ratio: Ratio) => (stakeMinor * ratio.num) / ratio.den;

/** The multiplier in hundredths, rounded down, for display (formatHundredths). */
export const ratioHundredths = (ratio: Ratio) => Number((ratio.num * 100n) / ratio.den);
