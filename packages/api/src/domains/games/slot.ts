/**
 * Fruit Five (slug "fruit-five"): 5 reels × 3 rows, 10 paylines, wild and scatter. Exact RTP 53,561 / 55,800
 * ≈ 95.98746 % (house edge ≈ 4.01254 %); strips, paytable and the exact figure are in slot-paytable.ts, the proof in slot-rtp.ts.
 *
 * Stops: one float per reel, stop = floor(f · stripLength) (exactly, from f's u32); visible rows are
 * strip[stop], strip[stop + 1], strip[stop + 2], wrapping. Wins are counted in line stakes ("units"): each active
 * line's best win plus the scatter win × active lines. Round multiplier = units / lines of the total bet, so
 * floor(totalBet · units / lines) = lineStake · units exactly when totalBet = lineStake · lines.
 */
import { z } from "zod";
import { floatAt, uniformInt } from "./float-to-int";
import { payoutFor, type Ratio } from "./payout";
import {
  FRUIT_FIVE,
  FRUIT_FIVE_PAYLINES,
  type LineSymbol,
  SLOT_REELS,
  SLOT_ROWS,
  type SlotConfig,
  type SlotSymbol,
} from "./slot-paytable";

export const SLOT_CALC_VER = "fruit-five@1";

export const slotParamsSchema = z
  .object({
    /** Active paylines: the first `lines` of the 10 (default all). */
    lines: z.int().min(1).max(FRUIT_FIVE_PAYLINES.length).default(FRUIT_FIVE_PAYLINES.length),
  })
  .strict();

export type SlotParams = z.output<typeof slotParamsSchema>;

export type LineWin = { symbol: LineSymbol; count: number; pays: number };
export type SlotLineWin = LineWin & { line: number };

export type SlotOutcome = {
  stops: number[];
  /** grid[reel][row], row 0 on top. */
  grid: SlotSymbol[][];
  lines: number;
  /** 1-based payline numbers with their wins, in line-stake multiples. */
  lineWins: SlotLineWin[];
  /** Stars visible and the scatter win in total-bet multiples. */
  scatter: { count: number; pays: number };
  /** Total win in line stakes: the sum of line wins plus the scatter win × lines. */
  winUnits: number;
  isWin: boolean;
};

/** The best win of one line (symbols left to right), or null. */
export const lineWin = (config: SlotConfig, symbols: readonly SlotSymbol[]): LineWin | null => {
  let wildRun = 0;
  while (wildRun < SLOT_REELS && symbols[wildRun] === "wild") wildRun += 1;
  let best: LineWin | null = null;
  if (wildRun >= 3) {
    const pays = config.linePays.wild[wildRun - 3] ?? 0;
    if (pays > 0) best = { symbol: "wild", count: wildRun, pays };
  }
  const base = symbols[wildRun];
  if (base === undefined || base === "star" || base === "wild") return best;
  let count = wildRun;
  while (count < SLOT_REELS && (symbols[count] === base || symbols[count] === "wild")) count += 1;
  if (count >= 3) {
    const pays = config.linePays[base][count - 3] ?? 0;
    if (pays > (best?.pays ?? 0)) best = { symbol: base, count, pays };
  }
  return best;
};

/** Total-bet multiple paid for `stars` visible stars. */
export const scatterPays = (config: SlotConfig, stars: number): number =>
  stars < 3 ? 0 : (config.scatterPays[Math.min(stars, 5) - 3] ?? 0);

const stripAt = (strip: readonly SlotSymbol[], index: number): SlotSymbol => {
  const symbol = strip[index % strip.length];
  if (symbol === undefined) throw new RangeError("empty reel strip");
  return symbol;
};

const reelOf = (config: SlotConfig, reel: number): readonly SlotSymbol[] => {
  const strip = config.reels[reel];
  if (strip === undefined || strip.length === 0) throw new RangeError(`reel ${reel} is missing`);
  return strip;
};

/** One stop per reel: floor(f_r · stripLength_r). */
export const slotStops = (floats: readonly number[], config: SlotConfig = FRUIT_FIVE): number[] =>
  Array.from({ length: SLOT_REELS }, (_, reel) => uniformInt(floatAt(floats, reel), reelOf(config, reel).length));

/** grid[reel][row] for the given stops. */
export const slotGrid = (stops: readonly number[], config: SlotConfig = FRUIT_FIVE): SlotSymbol[][] =>
  Array.from({ length: SLOT_REELS }, (_, reel) => {
    const strip = reelOf(config, reel);
    const stop = stops[reel];
    if (stop === undefined || !Number.isInteger(stop) || stop < 0 || stop >= strip.length) {
      throw new RangeError(`stop for reel ${reel} is out of range`);
    }
    return Array.from({ length: SLOT_ROWS }, (_, row) => stripAt(strip, stop + row));
  });

const symbolAt = (grid: readonly (readonly SlotSymbol[])[], reel: number, row: number): SlotSymbol => {
  const symbol = grid[reel]?.[row];
  if (symbol === undefined) throw new RangeError(`no symbol at reel ${reel}, row ${row}`);
  return symbol;
};

const assertLines = (config: SlotConfig, lines: number): void => {
  if (!Number.isInteger(lines) || lines < 1 || lines > config.paylines.length) {
    throw new RangeError(`lines must be 1..${config.paylines.length}`);
  }
};

/** Every win on a visible grid with the first `lines` paylines active. */
export const evaluateGrid = (
  grid: readonly (readonly SlotSymbol[])[],
  lines: number,
  config: SlotConfig = FRUIT_FIVE,
): Pick<SlotOutcome, "lineWins" | "scatter" | "winUnits"> => {
  assertLines(config, lines);
  const lineWins: SlotLineWin[] = [];
  const symbols: SlotSymbol[] = [];
  for (let line = 0; line < lines; line += 1) {
    const rows = config.paylines[line] ?? [];
    for (let reel = 0; reel < SLOT_REELS; reel += 1) symbols[reel] = symbolAt(grid, reel, rows[reel] ?? -1);
    const win = lineWin(config, symbols);
    if (win !== null) lineWins.push({ line: line + 1, ...win });
  }
  let stars = 0;
  for (let reel = 0; reel < SLOT_REELS; reel += 1) {
    for (let row = 0; row < SLOT_ROWS; row += 1) if (symbolAt(grid, reel, row) === "star") stars += 1;
  }
  const scatter = { count: stars, pays: scatterPays(config, stars) };
  const winUnits = lineWins.reduce((sum, win) => sum + win.pays, 0) + scatter.pays * lines;
  return { lineWins, scatter, winUnits };
};

export const resolveSlot = (
  params: SlotParams,
  floats: readonly number[],
  config: SlotConfig = FRUIT_FIVE,
): SlotOutcome => {
  const stops = slotStops(floats, config);
  const grid = slotGrid(stops, config);
  const { lineWins, scatter, winUnits } = evaluateGrid(grid, params.lines, config);
  return { stops, grid, lines: params.lines, lineWins, scatter, winUnits, isWin: winUnits > 0 };
};

/** winUnits / lines of the total bet. */
export const slotRoundMultiplier = (outcome: SlotOutcome): Ratio => ({
  num: BigInt(outcome.winUnits),
  den: BigInt(outcome.lines),
});

/** floor(totalBet · winUnits / lines). */
export const slotPayout = (totalBet: bigint, outcome: SlotOutcome): bigint =>
  payoutFor(totalBet, slotRoundMultiplier(outcome));
