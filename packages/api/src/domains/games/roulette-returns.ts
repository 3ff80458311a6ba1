/**
 * Roulette's bet types and what each returns, apart from the rest of the game (no schema, no outcome drawing) so
 * the betting screen shows the engine's own figures.
 */

export const rouletteBetTypes = [
  "straight",
  "split",
  "street",
  "corner",
  "line",
  "dozen",
  "column",
  "red",
  "black",
  "odd",
  "even",
  "low",
  "high",
] as const;
export type RouletteBetType = (typeof rouletteBetTypes)[number];

/** Total returned per unit staked on a win (stake included). */
export const ROULETTE_RETURN: Record<RouletteBetType, bigint> = {
  straight: 36n,
  split: 18n,
  street: 12n,
  corner: 9n,
  line: 6n,
  dozen: 3n,
  column: 3n,
  red: 2n,
  black: 2n,
  odd: 2n,
  even: 2n,
  low: 2n,
  high: 2n,
};
