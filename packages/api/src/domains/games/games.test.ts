import { describe, expect, it } from "vitest";
import { outcomeFloats } from "./fairness";
import { GameInputError } from "./game-input-error";
import { gameSlugs, games, getGame, isGameSlug, parseGameParams, verifyRound } from "./games";
import { payoutFor } from "./payout";

const SEEDS = { serverSeed: "3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e", clientSeed: "lucky-player", nonce: 7 };

const sampleParams: Record<string, unknown> = {
  dice: { direction: "over", target: 5000 },
  roulette: {
    bets: [
      { type: "straight", numbers: [23], stake: "10" },
      { type: "black", stake: "20" },
    ],
  },
  limbo: { target: 150 },
  mines: { mines: 3, picks: [0, 1, 2] },
  "fruit-five": { lines: 10 },
};

describe("game registry", () => {
  it("lists the five in-house games with versioned calculations", () => {
    expect(gameSlugs).toEqual(["dice", "roulette", "limbo", "mines", "fruit-five"]);
    expect(gameSlugs.map((slug) => games[slug].calcVer)).toEqual([
      "dice@1",
      "roulette@1",
      "limbo@1",
      "mines@1",
      "fruit-five@1",
    ]);
    expect(isGameSlug("fruit-five")).toBe(true);
    expect(isGameSlug("toString")).toBe(false);
    expect(() => getGame("blackjack")).toThrow(GameInputError);
  });

  it("verifies the check vector: dice 63.43, roulette pocket 23, limbo 1.56×", () => {
    const dice = verifyRound({ game: "dice", ...SEEDS, params: sampleParams.dice });
    expect(dice.outcome).toEqual({ roll: 6343, direction: "over", target: 5000, isWin: true });
    expect(dice.multiplier).toEqual({ num: 990_099n, den: 500_000n });
    expect(dice.isWin).toBe(true);
    expect(dice.serverSeedHash).toBe("10097aec46f656c1e9ce281da716063d994623c05e19edcd6edcbe330c644817");
    expect(dice.floats).toEqual([0.6342450422234833]);
    expect(dice.calcVer).toBe("dice@1");

    const roulette = verifyRound({ game: "roulette", ...SEEDS, params: sampleParams.roulette });
    expect(roulette.outcome).toMatchObject({ pocket: 23, color: "red", totalStake: "30", totalReturned: "360" });
    expect(payoutFor(30n, roulette.multiplier)).toBe(360n);

    const limbo = verifyRound({ game: "limbo", ...SEEDS, params: sampleParams.limbo });
    expect(limbo.outcome).toEqual({ result: 156, target: 150, isWin: true });
    expect(limbo.multiplier).toEqual({ num: 3n, den: 2n });
  });

  it("resolves every game uniformly into JSON-safe outcomes with exact multipliers", () => {
    for (const slug of gameSlugs) {
      const game = getGame(slug);
      const params = parseGameParams(slug, sampleParams[slug]);
      for (let nonce = 0; nonce < 50; nonce += 1) {
        const floats = outcomeFloats("registry-seed", "client", nonce, game.floatsNeeded(params));
        const round = game.resolve(params, floats);
        expect(JSON.parse(JSON.stringify(round.outcome))).toEqual(round.outcome);
        expect(round.multiplier.den > 0n && round.multiplier.num >= 0n).toBe(true);
        expect(round.isWin).toBe(round.multiplier.num > 0n);
        expect(game.resolve(params, floats)).toEqual(round);
        const verified = verifyRound({ game: slug, serverSeed: "registry-seed", clientSeed: "client", nonce, params });
        expect(verified.outcome).toEqual(round.outcome);
      }
    }
    expect(games.roulette.paramsStake(games.roulette.paramsSchema.parse(sampleParams.roulette))).toBe(30n);
    expect(games.dice.paramsStake(games.dice.paramsSchema.parse(sampleParams.dice))).toBeNull();
  });

  it("rejects parameters that smuggle a seed or an outcome, for every game", () => {
    for (const slug of gameSlugs) {
      const params = sampleParams[slug] as Record<string, unknown>;
      expect(() => parseGameParams(slug, params)).not.toThrow();
      for (const extra of [{ serverSeed: "abc" }, { outcome: { isWin: true } }, { nonce: 1 }, { multiplier: 1000 }]) {
        expect(games[slug].paramsSchema.safeParse({ ...params, ...extra }).success).toBe(false);
        expect(() => verifyRound({ game: slug, ...SEEDS, params: { ...params, ...extra } })).toThrow(GameInputError);
      }
    }
  });

  it("refuses unknown games, other calculation versions and malformed requests", () => {
    expect(() => verifyRound({ game: "baccarat", ...SEEDS, params: {} })).toThrow(GameInputError);
    expect(() => verifyRound({ game: "dice", ...SEEDS, params: sampleParams.dice, calcVer: "dice@0" })).toThrow(
      GameInputError,
    );
    expect(verifyRound({ game: "dice", ...SEEDS, params: sampleParams.dice, calcVer: "dice@1" }).isWin).toBe(true);
    expect(() => verifyRound({ game: "dice", ...SEEDS, nonce: -1, params: sampleParams.dice })).toThrow(GameInputError);
    expect(() => verifyRound({ game: "dice", ...SEEDS, serverSeed: "", params: sampleParams.dice })).toThrow(
      GameInputError,
    );
    const error = (() => {
      try {
        verifyRound({ game: "dice", ...SEEDS, params: { direction: "over", target: 10_000 } });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(GameInputError);
    expect((error as GameInputError).code).toBe("INVALID_INPUT");
    expect((error as GameInputError).issues.join()).toContain("target");
  });
});
