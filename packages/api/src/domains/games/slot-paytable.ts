/**
 * Fruit Five: reel strips, paylines and paytable of the 5-reel × 3-row video slot (game math in slot.ts,
 * exact RTP in slot-rtp.ts). Exact RTP over all 23,436,000 equally likely stop combinations:
 *   22,495,620 / 23,436,000 = 53,561 / 55,800 ≈ 95.98746 % (house edge 2,239 / 55,800 ≈ 4.01254 %)
 *   = line wins 21,636,210 / 23,436,000 ≈ 92.32040 % + scatter wins 859,410 / 23,436,000 ≈ 3.66705 %.
 *
 * Symbols: W wild, 7 seven, B bell, G grape, O orange, L lemon, C cherry, S star (scatter).
 * - Line wins: 3, 4 or 5 of a kind from the leftmost reel along an active payline, in multiples of the line stake.
 *   Wild substitutes for every symbol except the star; a run of leading wilds may also pay as wilds, and a line
 *   pays only its best win. (Fruit Five has no wild on reel 1, so its wild pays never apply.)
 * - Scatter: 3, 4 or 5+ stars anywhere in the 15 visible cells pay 3, 20 or 250 times the total bet.
 * - Total bet = line stake × active lines (1–10). Every line sees the same symbol distribution and scatter wins
 *   scale with the total bet, so the RTP is the same for any number of active lines.
 */

export const SLOT_REELS = 5;
export const SLOT_ROWS = 3;

export const slotSymbols = ["wild", "seven", "bell", "grape", "orange", "lemon", "cherry", "star"] as const;
export type SlotSymbol = (typeof slotSymbols)[number];
/** Symbols that pay along lines (the star is a scatter). */
export type LineSymbol = Exclude<SlotSymbol, "star">;

export type SlotConfig = {
  /** One strip per reel; the visible rows at stop s are strip[s], strip[s + 1], strip[s + 2] (wrapping). */
  reels: readonly (readonly SlotSymbol[])[];
  /** Row (0 top … 2 bottom) on each reel, left to right. */
  paylines: readonly (readonly number[])[];
  /** Line-stake multiples for 3, 4 and 5 of a kind. */
  linePays: Readonly<Record<LineSymbol, readonly [number, number, number]>>;
  /** Total-bet multiples for 3, 4 and 5 or more stars anywhere. */
  scatterPays: readonly [number, number, number];
};

const symbolOfLetter: Readonly<Record<string, SlotSymbol>> = {
  W: "wild",
  "7": "seven",
  B: "bell",
  G: "grape",
  O: "orange",
  L: "lemon",
  C: "cherry",
  S: "star",
};

/** A strip written one letter per symbol (W 7 B G O L C S). */
export const parseStrip = (letters: string): SlotSymbol[] =>
  [...letters].map((letter) => {
    const symbol = symbolOfLetter[letter];
    if (symbol === undefined) throw new RangeError(`unknown slot symbol letter "${letter}"`);
    return symbol;
  });

/**
 * Reel strips (28, 30, 31, 30, 30 symbols). Per reel: seven 2, bell 3, grape 4, orange 5, lemon 6, cherry 7, star 1,
 * plus wild 0 / 2 / 3 / 2 / 2.
 */
export const FRUIT_FIVE_STRIPS: readonly string[] = [
  "C7GLOCBLCGOLCB7GOLCCLOGBCLSO",
  "OCLGCO7SLBWCGOLCOLCBG7CLOWGCLB",
  "WLBOCLGCOWLC7BGOLCSWCLOGBCLO7CG",
  "SCGL7COWBLCGOLCBOGLC7WCLOGCBLO",
  "BOCLGCO7LBCSWGOLCOLCGB7CLOWGCL",
];

export const FRUIT_FIVE_PAYLINES: readonly (readonly number[])[] = [
  [1, 1, 1, 1, 1],
  [0, 0, 0, 0, 0],
  [2, 2, 2, 2, 2],
  [0, 1, 2, 1, 0],
  [2, 1, 0, 1, 2],
  [0, 0, 1, 2, 2],
  [2, 2, 1, 0, 0],
  [1, 0, 0, 0, 1],
  [1, 2, 2, 2, 1],
  [1, 0, 1, 2, 1],
];

export const FRUIT_FIVE: SlotConfig = {
  reels: FRUIT_FIVE_STRIPS.map(parseStrip),
  paylines: FRUIT_FIVE_PAYLINES,
  linePays: {
    wild: [0, 0, 0],
    seven: [40, 150, 750],
    bell: [20, 75, 300],
    grape: [12, 40, 150],
    orange: [8, 25, 100],
    lemon: [5, 15, 60],
    cherry: [4, 10, 40],
  },
  scatterPays: [3, 20, 250],
};
