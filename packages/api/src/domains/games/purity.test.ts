import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const folder = import.meta.dirname;
const sources = readdirSync(folder).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));

describe("game math purity", () => {
  it("finds the game sources", () => {
    expect(sources).toEqual(expect.arrayContaining(["fairness.ts", "dice.ts", "roulette.ts", "slot.ts", "games.ts"]));
  });

  it("never uses a non-cryptographic random source", () => {
    const offenders = sources.filter((name) => readFileSync(join(folder, name), "utf8").includes("Math.random"));
    expect(offenders).toEqual([]);
  });

  it("imports nothing but node:crypto, zod and sibling modules", () => {
    for (const name of sources) {
      const text = readFileSync(join(folder, name), "utf8");
      for (const [, specifier] of text.matchAll(/from "([^"]+)"/g)) {
        expect([name, specifier]).toSatisfy(
          ([, s]: string[]) => s === "node:crypto" || s === "zod" || (s ?? "").startsWith("./"),
        );
      }
    }
  });
});
