/**
 * The in-house game registry: one uniform shape per game so the rounds engine and the public verifier treat every
 * game alike. Each entry validates the player's parameters (strict: unknown keys such as a seed or an outcome are
 * rejected), says how many outcome floats a round needs, and resolves a round from those floats into a
 * JSON-serializable outcome (bigints as decimal strings) and an exact multiplier: payout = floor(stake · num / den).
 * `isWin` means the round pays anything (multiplier > 0).
 *
 * RTP: dice 99 %, limbo 99 % (−2^-32 per 1× of target), mines 99 %, roulette 36/37 ≈ 97.30 %,
 * fruit-five 53,561 / 55,800 ≈ 95.987 %.
 */
import { z } from "zod";
import { DICE_CALC_VER, diceParamsSchema, diceRoundMultiplier, resolveDice } from "./dice";
import { hashServerSeed, outcomeFloats } from "./fairness";
import { GameInputError } from "./game-input-error";
import { LIMBO_CALC_VER, limboParamsSchema, limboRoundMultiplier, resolveLimbo } from "./limbo";
import { MINES_CALC_VER, minesParamsSchema, minesRoundMultiplier, resolveMines } from "./mines";
import { type Ratio, reduceRatio } from "./payout";
import {
  ROULETTE_CALC_VER,
  resolveRoulette,
  rouletteParamsSchema,
  rouletteRoundMultiplier,
  rouletteTotalStake,
} from "./roulette";
import { resolveSlot, SLOT_CALC_VER, slotParamsSchema, slotRoundMultiplier } from "./slot";
import { SLOT_REELS } from "./slot-paytable";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

export type ResolvedRound = { outcome: JsonValue; multiplier: Ratio; isWin: boolean };

export type GameDefinition<Schema extends z.ZodType = z.ZodType> = {
  readonly calcVer: string;
  readonly paramsSchema: Schema;
  floatsNeeded(params: z.output<Schema>): number;
  resolve(params: z.output<Schema>, floats: readonly number[]): ResolvedRound;
  /** The total stake the parameters carry (roulette bets each name a stake); null when the stake is separate. */
  paramsStake(params: z.output<Schema>): bigint | null;
};

const defineGame = <Schema extends z.ZodType>(game: GameDefinition<Schema>): GameDefinition<Schema> => game;

const round = (outcome: JsonValue, multiplier: Ratio): ResolvedRound => {
  const reduced = reduceRatio(multiplier);
  return { outcome, multiplier: reduced, isWin: reduced.num > 0n };
};

const noParamsStake = (): null => null;

export const games = {
  dice: defineGame({
    calcVer: DICE_CALC_VER,
    paramsSchema: diceParamsSchema,
    floatsNeeded: () => 1,
    resolve: (params, floats) => {
      const outcome = resolveDice(params, floats);
      return round(outcome, diceRoundMultiplier(params, outcome));
    },
    paramsStake: noParamsStake,
  }),
  roulette: defineGame({
    calcVer: ROULETTE_CALC_VER,
    paramsSchema: rouletteParamsSchema,
    floatsNeeded: () => 1,
    resolve: (params, floats) => {
      const outcome = resolveRoulette(params, floats);
      return round(outcome, rouletteRoundMultiplier(params, outcome));
    },
    paramsStake: rouletteTotalStake,
  }),
  limbo: defineGame({
    calcVer: LIMBO_CALC_VER,
    paramsSchema: limboParamsSchema,
    floatsNeeded: () => 1,
    resolve: (params, floats) => {
      const outcome = resolveLimbo(params, floats);
      return round(outcome, limboRoundMultiplier(params, outcome));
    },
    paramsStake: noParamsStake,
  }),
  mines: defineGame({
    calcVer: MINES_CALC_VER,
    paramsSchema: minesParamsSchema,
    floatsNeeded: (params) => params.mines,
    resolve: (params, floats) => {
      const outcome = resolveMines(params, floats);
      return round(outcome, minesRoundMultiplier(outcome));
    },
    paramsStake: noParamsStake,
  }),
  "fruit-five": defineGame({
    calcVer: SLOT_CALC_VER,
    paramsSchema: slotParamsSchema,
    floatsNeeded: () => SLOT_REELS,
    resolve: (params, floats) => {
      const outcome = resolveSlot(params, floats);
      return round(outcome, slotRoundMultiplier(outcome));
    },
    paramsStake: noParamsStake,
  }),
};

export type GameSlug = keyof typeof games;

export const gameSlugs = Object.keys(games) as GameSlug[];

export const isGameSlug = (value: string): value is GameSlug => Object.hasOwn(games, value);

/** The registry entry for a slug, or a GameInputError for an unknown game. */
export const getGame = (slug: string): GameDefinition => {
  if (!isGameSlug(slug)) throw new GameInputError(`unknown game "${slug}"`);
  return games[slug];
};

const issuesOf = (error: z.ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`);

/** Validated parameters for a game, or a GameInputError listing every issue. */
export const parseGameParams = (slug: string, params: unknown): unknown => {
  const parsed = getGame(slug).paramsSchema.safeParse(params);
  if (!parsed.success) throw new GameInputError(`invalid ${slug} parameters`, issuesOf(parsed.error));
  return parsed.data;
};

export const verifyRoundInputSchema = z
  .object({
    game: z.string(),
    serverSeed: z.string().min(1).max(256),
    clientSeed: z.string().max(256),
    nonce: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    params: z.unknown(),
    /** When given, it must be the game's current calculation version. */
    calcVer: z.string().optional(),
  })
  .strict();

export type VerifyRoundInput = z.input<typeof verifyRoundInputSchema>;

export type VerifiedRound = ResolvedRound & {
  game: GameSlug;
  calcVer: string;
  /** SHA-256 of the revealed server seed: compare it with the hash committed before the round. */
  serverSeedHash: string;
  clientSeed: string;
  nonce: number;
  /** The outcome floats the round consumed. */
  floats: number[];
};

/**
 * Recomputes a round from its revealed seeds, nonce and parameters, exactly as it was resolved.
 * Throws GameInputError for an unknown game, a calcVer this code does not implement, or invalid parameters.
 */
export const verifyRound = (input: VerifyRoundInput): VerifiedRound => {
  const parsedInput = verifyRoundInputSchema.safeParse(input);
  if (!parsedInput.success) throw new GameInputError("invalid verification request", issuesOf(parsedInput.error));
  const { game: slug, serverSeed, clientSeed, nonce, calcVer } = parsedInput.data;
  if (!isGameSlug(slug)) throw new GameInputError(`unknown game "${slug}"`);
  const game: GameDefinition = games[slug];
  if (calcVer !== undefined && calcVer !== game.calcVer) {
    throw new GameInputError(`cannot verify ${calcVer}: this server implements ${game.calcVer}`);
  }
  const params = parseGameParams(slug, parsedInput.data.params);
  const floats = outcomeFloats(serverSeed, clientSeed, nonce, game.floatsNeeded(params));
  return {
    ...game.resolve(params, floats),
    game: slug,
    calcVer: game.calcVer,
    serverSeedHash: hashServerSeed(serverSeed),
    clientSeed,
    nonce,
    floats,
  };
};
