/**
 * Fruit Five return to player: exact by decomposition, and simulated through the provably-fair scheme.
 *
 * Exact: the stops are independent and uniform over each strip, so on any payline the symbol shown by reel r is
 * uniform over strip r's positions, independently of the other reels. Hence every payline has the same expected win,
 * E[line] = Σ over symbol 5-tuples of Π count_r(symbol_r) · linePay(tuple) / Π length_r, and the RTP is
 * E[line] (line stakes per line stake) + E[scatter] (total bets per total bet), whatever the number of active lines.
 * E[scatter] comes from each reel's exact distribution of stars in its 3-row window, convolved over the reels.
 * This equals the average over all Π length_r stop combinations (slot-rtp.test.ts checks it against brute-force
 * enumeration of a small configuration). The u32 → stop mapping adds a bias below 2^-32 · length per stop.
 */
import { outcomeFloats } from "./fairness";
import { floatAt, uniformInt } from "./float-to-int";
import { type Ratio, reduceRatio } from "./payout";
import { lineWin, scatterPays } from "./slot";
import { FRUIT_FIVE, SLOT_REELS, SLOT_ROWS, type SlotConfig, type SlotSymbol } from "./slot-paytable";

export type SlotRtp = Ratio & {
  /** num / den as a double, for display. */
  rtp: number;
  /** Expected line win per line stake. */
  line: Ratio;
  /** Expected scatter win per total bet. */
  scatter: Ratio;
  /** Π strip lengths: the number of equally likely stop combinations. */
  combinations: bigint;
};

const toNumber = ({ num, den }: Ratio): number => Number((num * 10n ** 15n) / den) / 1e15;

const symbolCounts = (strip: readonly SlotSymbol[]): [SlotSymbol, bigint][] => {
  const counts = new Map<SlotSymbol, bigint>();
  for (const symbol of strip) counts.set(symbol, (counts.get(symbol) ?? 0n) + 1n);
  return [...counts];
};

/** ways[k]: the number of stops of this strip that show k stars in the 3-row window. */
const starWindowHistogram = (strip: readonly SlotSymbol[]): bigint[] => {
  const ways = Array.from({ length: SLOT_ROWS + 1 }, () => 0n);
  for (let stop = 0; stop < strip.length; stop += 1) {
    let stars = 0;
    for (let row = 0; row < SLOT_ROWS; row += 1) if (strip[(stop + row) % strip.length] === "star") stars += 1;
    ways[stars] = (ways[stars] ?? 0n) + 1n;
  }
  return ways;
};

const convolve = (a: readonly bigint[], b: readonly bigint[]): bigint[] => {
  const out = Array.from({ length: a.length + b.length - 1 }, () => 0n);
  a.forEach((x, i) => {
    b.forEach((y, j) => {
      out[i + j] = (out[i + j] ?? 0n) + x * y;
    });
  });
  return out;
};

/** The exact RTP as a reduced bigint ratio (plus its parts and a display double). */
export const computeSlotRtpExact = (config: SlotConfig = FRUIT_FIVE): SlotRtp => {
  if (config.reels.length !== SLOT_REELS) throw new RangeError(`a slot needs ${SLOT_REELS} reels`);
  const counts = config.reels.map(symbolCounts);
  const combinations = config.reels.reduce((product, strip) => product * BigInt(strip.length), 1n);

  let lineSum = 0n;
  const symbols: SlotSymbol[] = [];
  const walk = (reel: number, weight: bigint): void => {
    if (reel === SLOT_REELS) {
      const win = lineWin(config, symbols);
      if (win !== null) lineSum += weight * BigInt(win.pays);
      return;
    }
    for (const [symbol, count] of counts[reel] ?? []) {
      symbols[reel] = symbol;
      walk(reel + 1, weight * count);
    }
  };
  walk(0, 1n);

  const starWays = config.reels.map(starWindowHistogram).reduce(convolve, [1n]);
  const scatterSum = starWays.reduce((sum, ways, stars) => sum + ways * BigInt(scatterPays(config, stars)), 0n);

  const total = reduceRatio({ num: lineSum + scatterSum, den: combinations });
  return {
    ...total,
    rtp: toNumber(total),
    line: reduceRatio({ num: lineSum, den: combinations }),
    scatter: reduceRatio({ num: scatterSum, den: combinations }),
    combinations,
  };
};

export type SlotSimulation = {
  spins: number;
  /** Line stakes wagered (spins × lines). */
  totalBetUnits: bigint;
  /** Line stakes won. */
  totalWinUnits: bigint;
  /** Spins that paid anything. */
  hits: number;
  rtp: number;
};

export const SIMULATION_CLIENT_SEED = "fruit-five-simulation";

/**
 * Plays `spins` rounds with every line active through the fairness scheme: server seed `rngSeed`, client seed
 * SIMULATION_CLIENT_SEED, nonce = spin index. Same stop mapping and line evaluation as resolveSlot, minus the
 * per-spin outcome objects, so 10^7 spins stay cheap.
 */
export const simulateSlotRtp = (spins: number, rngSeed: string, config: SlotConfig = FRUIT_FIVE): SlotSimulation => {
  if (!Number.isSafeInteger(spins) || spins < 1) throw new RangeError("spins must be a positive integer");
  const lines = config.paylines.length;
  const strips = config.reels;
  const stops = new Array<number>(SLOT_REELS).fill(0);
  const symbols: SlotSymbol[] = [];
  let winUnits = 0;
  let hits = 0;
  for (let nonce = 0; nonce < spins; nonce += 1) {
    const floats = outcomeFloats(rngSeed, SIMULATION_CLIENT_SEED, nonce, SLOT_REELS);
    let stars = 0;
    for (let reel = 0; reel < SLOT_REELS; reel += 1) {
      const strip = strips[reel] ?? [];
      const stop = uniformInt(floatAt(floats, reel), strip.length);
      stops[reel] = stop;
      for (let row = 0; row < SLOT_ROWS; row += 1) if (strip[(stop + row) % strip.length] === "star") stars += 1;
    }
    let spinUnits = scatterPays(config, stars) * lines;
    for (const rows of config.paylines) {
      for (let reel = 0; reel < SLOT_REELS; reel += 1) {
        const strip = strips[reel] ?? [];
        symbols[reel] = strip[((stops[reel] ?? 0) + (rows[reel] ?? 0)) % strip.length] ?? "star";
      }
      spinUnits += lineWin(config, symbols)?.pays ?? 0;
    }
    winUnits += spinUnits;
    if (spinUnits > 0) hits += 1;
  }
  const totalBetUnits = BigInt(spins) * BigInt(lines);
  const totalWinUnits = BigInt(winUnits);
  return { spins, totalBetUnits, totalWinUnits, hits, rtp: winUnits / (spins * lines) };
};
