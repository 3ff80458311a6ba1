import { describe, expect, it } from "vitest";
import { outcomeFloats } from "./fairness";
import { floatFromU32 } from "./float-to-int";
import { payoutFor } from "./payout";
import {
  betCovers,
  betReturn,
  ROULETTE_RETURN,
  type RouletteBet,
  resolveRoulette,
  rouletteBetSchema,
  rouletteParamsSchema,
  roulettePayout,
  roulettePocket,
  rouletteRoundMultiplier,
} from "./roulette";
import { isTableLayout, pocketColor, ROULETTE_POCKETS, SHAPED_BET_LAYOUTS } from "./roulette-layout";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Every distinct bet on the table, with stake 1. */
const allBets = (): RouletteBet[] => [
  ...range(0, 36).map((n): RouletteBet => ({ type: "straight", numbers: [n], stake: 1n })),
  ...SHAPED_BET_LAYOUTS.split.map((numbers): RouletteBet => ({ type: "split", numbers: [...numbers], stake: 1n })),
  ...SHAPED_BET_LAYOUTS.street.map((numbers): RouletteBet => ({ type: "street", numbers: [...numbers], stake: 1n })),
  ...SHAPED_BET_LAYOUTS.corner.map((numbers): RouletteBet => ({ type: "corner", numbers: [...numbers], stake: 1n })),
  ...SHAPED_BET_LAYOUTS.line.map((numbers): RouletteBet => ({ type: "line", numbers: [...numbers], stake: 1n })),
  ...[1, 2, 3].map((dozen): RouletteBet => ({ type: "dozen", dozen, stake: 1n })),
  ...[1, 2, 3].map((column): RouletteBet => ({ type: "column", column, stake: 1n })),
  ...(["red", "black", "odd", "even", "low", "high"] as const).map((type): RouletteBet => ({ type, stake: 1n })),
];

const pocketOf = (k: number) => roulettePocket(floatFromU32(Number((BigInt(k) * 2n ** 32n + 36n) / 37n)));

describe("roulette", () => {
  it("lands on 23 for the check vector", () => {
    const floats = outcomeFloats("3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e", "lucky-player", 7, 1);
    expect(roulettePocket(floats[0] ?? Number.NaN)).toBe(23);
  });

  it("maps floats onto all 37 pockets", () => {
    expect(range(0, ROULETTE_POCKETS - 1).map(pocketOf)).toEqual(range(0, 36));
    expect(roulettePocket(floatFromU32(2 ** 32 - 1))).toBe(36);
  });

  it("knows the table: 18 red, 18 black, zero green; 57 splits, 12 streets, 22 corners, 11 lines", () => {
    const colors = range(0, 36).map(pocketColor);
    expect(colors.filter((c) => c === "red")).toHaveLength(18);
    expect(colors.filter((c) => c === "black")).toHaveLength(18);
    expect(colors[0]).toBe("green");
    expect(SHAPED_BET_LAYOUTS.split).toHaveLength(57);
    expect(SHAPED_BET_LAYOUTS.street).toHaveLength(12);
    expect(SHAPED_BET_LAYOUTS.corner).toHaveLength(22);
    expect(SHAPED_BET_LAYOUTS.line).toHaveLength(11);
  });

  it("returns exactly 36/37 on every bet of every type, by enumeration over the 37 pockets", () => {
    const bets = allBets();
    expect(bets).toHaveLength(37 + 57 + 12 + 22 + 11 + 3 + 3 + 6);
    for (const bet of bets) {
      expect(rouletteBetSchema.safeParse({ ...bet, stake: "1" }).success).toBe(true);
      const covered = range(0, 36).filter((pocket) => betCovers(bet, pocket)).length;
      const returned = range(0, 36).reduce((sum, pocket) => sum + betReturn(bet, pocket), 0n);
      expect(BigInt(covered) * ROULETTE_RETURN[bet.type]).toBe(36n);
      // RTP = returned / (37 · stake) = 36 / 37
      expect(returned * 37n).toBe(36n * 37n * bet.stake);
    }
  });

  it("covers the right pockets for outside bets", () => {
    const covered = (bet: RouletteBet) => range(0, 36).filter((p) => betCovers(bet, p));
    expect(covered({ type: "dozen", dozen: 2, stake: 1n })).toEqual(range(13, 24));
    expect(covered({ type: "column", column: 1, stake: 1n })).toEqual(range(0, 11).map((i) => 1 + 3 * i));
    expect(covered({ type: "column", column: 3, stake: 1n })).toEqual(range(1, 12).map((i) => 3 * i));
    expect(covered({ type: "low", stake: 1n })).toEqual(range(1, 18));
    expect(covered({ type: "high", stake: 1n })).toEqual(range(19, 36));
    expect(covered({ type: "even", stake: 1n })).not.toContain(0);
    expect(covered({ type: "red", stake: 1n })).toContain(1);
    expect(covered({ type: "black", stake: 1n })).toContain(2);
  });

  it("accepts only real table layouts", () => {
    expect(isTableLayout("split", [2, 1])).toBe(true);
    expect(isTableLayout("split", [3, 4])).toBe(false);
    expect(isTableLayout("split", [1, 4])).toBe(true);
    expect(isTableLayout("split", [1, 5])).toBe(false);
    expect(isTableLayout("split", [1, 1])).toBe(false);
    expect(isTableLayout("street", [2, 3, 4])).toBe(false);
    expect(isTableLayout("corner", [5, 6, 8, 9])).toBe(true);
    expect(isTableLayout("corner", [3, 4, 6, 7])).toBe(false);
    expect(isTableLayout("line", [1, 2, 3, 7, 8, 9])).toBe(false);
    expect(isTableLayout("line", [31, 32, 33, 34, 35, 36])).toBe(true);
    const parses = (bet: unknown) => rouletteParamsSchema.safeParse({ bets: [bet] }).success;
    expect(parses({ type: "split", numbers: [0, 1], stake: "5" })).toBe(false);
    expect(parses({ type: "split", numbers: [17, 20], stake: "5" })).toBe(true);
    expect(parses({ type: "straight", numbers: [0], stake: "5" })).toBe(true);
    expect(parses({ type: "straight", numbers: [37], stake: "5" })).toBe(false);
    expect(parses({ type: "straight", numbers: [1, 2], stake: "5" })).toBe(false);
    expect(parses({ type: "street", numbers: [34, 35, 36], stake: 5n })).toBe(true);
    expect(parses({ type: "dozen", dozen: 4, stake: "5" })).toBe(false);
    expect(parses({ type: "red", stake: "0" })).toBe(false);
    expect(parses({ type: "red", stake: 5 })).toBe(false);
    expect(parses({ type: "red", stake: "1.5" })).toBe(false);
    expect(parses({ type: "basket", stake: "5" })).toBe(false);
    expect(rouletteParamsSchema.safeParse({ bets: [] }).success).toBe(false);
  });

  it("rejects unknown keys at the top level and inside bets", () => {
    const bet = { type: "red", stake: "5" };
    expect(rouletteParamsSchema.safeParse({ bets: [bet] }).success).toBe(true);
    expect(rouletteParamsSchema.safeParse({ bets: [bet], serverSeed: "x" }).success).toBe(false);
    expect(rouletteParamsSchema.safeParse({ bets: [bet], outcome: { pocket: 1 } }).success).toBe(false);
    expect(rouletteParamsSchema.safeParse({ bets: [{ ...bet, outcome: 1 }] }).success).toBe(false);
    expect(rouletteParamsSchema.safeParse({ bets: [{ ...bet, numbers: [1] }] }).success).toBe(false);
  });

  it("settles several bets in one spin, each with its own stake", () => {
    const params = rouletteParamsSchema.parse({
      bets: [
        { type: "straight", numbers: [23], stake: "100" },
        { type: "corner", numbers: [23, 20, 19, 22], stake: "50" },
        { type: "black", stake: "200" },
        { type: "dozen", dozen: 1, stake: "30" },
      ],
    });
    const pocket23 = floatFromU32(Number((23n * 2n ** 32n + 36n) / 37n));
    const outcome = resolveRoulette(params, [pocket23]);
    expect(outcome.pocket).toBe(23);
    expect(outcome.color).toBe("red");
    expect(outcome.bets.map((b) => b.returned)).toEqual(["3600", "450", "0", "0"]);
    expect(outcome.bets[1]?.numbers).toEqual([19, 20, 22, 23]);
    expect(outcome.totalStake).toBe("380");
    expect(outcome.totalReturned).toBe("4050");
    expect(payoutFor(380n, rouletteRoundMultiplier(params, outcome))).toBe(4050n);
    expect(roulettePayout(params, 23)).toBe(4050n);
    expect(roulettePayout(params, 0)).toBe(0n);
    expect(roulettePayout(params, 2)).toBe(200n * 2n + 30n * 3n);
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
  });
});
