import { diceRoll } from "../src/domains/games/dice";
import { outcomeFloats } from "../src/domains/games/fairness";
import { roulettePocket } from "../src/domains/games/roulette";
import { computeSlotRtpExact, simulateSlotRtp } from "../src/domains/games/slot-rtp";

/**
 * Game math checks too long for the test suite: chi-square of roulette pockets and dice rolls drawn through
 * the provably-fair scheme, and the slot's exact RTP (enumerated) next to a long simulation.
 */
export type ChiSquare = {
  draws: number;
  buckets: number;
  chiSquare: number;
  dof: number;
  criticalP001: number;
  isUniform: boolean;
};

// Wilson–Hilferty approximation of the chi-square quantile at p = 0.001 (z = 3.0902).
const critical = (dof: number) => dof * (1 - 2 / (9 * dof) + 3.0902 * Math.sqrt(2 / (9 * dof))) ** 3;

const chiSquare = (draws: number, buckets: number, draw: (floats: number[]) => number): ChiSquare => {
  const counts = new Array<number>(buckets).fill(0);
  const serverSeed = "bench-chi-square-server-seed-0001";
  for (let nonce = 0; nonce < draws; nonce++) {
    const bucket = draw(outcomeFloats(serverSeed, "bench-client", nonce, 1));
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  const expected = draws / buckets;
  const value = counts.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
  const dof = buckets - 1;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    draws,
    buckets,
    chiSquare: round(value),
    dof,
    criticalP001: round(critical(dof)),
    isUniform: value < critical(dof),
  };
};

export const runGameMath = (draws: number, slotSpins: number) => {
  const roulette = chiSquare(draws, 37, ([f]) => roulettePocket(f as number));
  const dice = chiSquare(draws, 10_001, ([f]) => diceRoll(f as number));
  const exact = computeSlotRtpExact();
  const started = performance.now();
  const simulated = simulateSlotRtp(slotSpins, "bench-slot");
  return {
    roulette,
    dice,
    slot: {
      exactRtp: `${exact.num}/${exact.den}`,
      exactRtpPercent: Math.round(exact.rtp * 1e6) / 1e4,
      combinations: exact.combinations.toString(),
      simulatedSpins: slotSpins,
      simulatedRtpPercent: Math.round(simulated.rtp * 1e6) / 1e4,
      simulationSeconds: Math.round((performance.now() - started) / 100) / 10,
    },
  };
};
