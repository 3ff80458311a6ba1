import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gameSlugs, parseGameParams, verifyRound } from "../games/games";
import { isOpenAndUndecided, resolveOutcome, resultOf } from "./round-lifecycle";
import { gameRoundRules } from "./round-rules";
import { toJsonSafe } from "./round-view";

const seeds = { serverSeed: "3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e", clientSeed: "lucky-player" };
const sampleParams: Record<string, unknown> = {
  dice: { direction: "over", target: 5000 },
  roulette: {
    bets: [
      { type: "straight", numbers: [23], stake: 100n },
      { type: "red", stake: "50" },
    ],
  },
  limbo: { target: 150 },
  mines: { mines: 3, picks: [0, 1, 2, 3] },
  "fruit-five": { lines: 10 },
};

describe("round resolution", () => {
  it("resolves every game exactly as the public verifier recomputes it, from JSON-stored parameters", () => {
    for (const slug of gameSlugs) {
      const stored = toJsonSafe(sampleParams[slug]);
      for (let nonce = 0; nonce < 50; nonce += 1) {
        const resolved = resolveOutcome(slug, parseGameParams(slug, stored), { ...seeds, nonce }, 150n);
        const verified = verifyRound({ game: slug, ...seeds, nonce, params: JSON.parse(JSON.stringify(stored)) });
        expect(resolved.outcome).toEqual(verified.outcome);
        expect(resolved.payoutMinor).toBe((150n * verified.multiplier.num) / verified.multiplier.den);
      }
    }
  });

  it("gives the check vector's dice roll and classifies results by net amount", () => {
    const { outcome } = resolveOutcome("dice", { direction: "over", target: 5000 }, { ...seeds, nonce: 7 }, 100n);
    expect(outcome).toMatchObject({ roll: 6343, isWin: true });
    expect([resultOf(100n, 0n), resultOf(100n, 100n), resultOf(100n, 101n), resultOf(100n, 50n)]).toEqual([
      "LOSE",
      "PUSH",
      "WIN",
      "LOSE",
    ]);
  });

  it("counts a round as in play only while it is OPEN and neither settle- nor void-decided", () => {
    const inPlay = { status: "OPEN", result: null, voidReason: null } as const;
    expect(isOpenAndUndecided(inPlay)).toBe(true);
    expect(isOpenAndUndecided({ ...inPlay, result: "LOSE" })).toBe(false);
    expect(isOpenAndUndecided({ ...inPlay, voidReason: "TIMEOUT" })).toBe(false);
    expect(isOpenAndUndecided({ ...inPlay, status: "SETTLED", result: "WIN" })).toBe(false);
    expect(isOpenAndUndecided({ ...inPlay, status: "VOIDED", voidReason: "TIMEOUT" })).toBe(false);
  });

  it("declares a timeout for every game of the registry", () => {
    expect(Object.keys(gameRoundRules).sort()).toEqual([...gameSlugs].sort());
  });

  it("uses no non-cryptographic random source in the rounds engine", () => {
    const folder = import.meta.dirname;
    const offenders = readdirSync(folder).filter(
      (name) => name.endsWith(".ts") && readFileSync(join(folder, name), "utf8").includes(["Math", "random"].join(".")),
    );
    expect(offenders).toEqual([]);
  });
});
