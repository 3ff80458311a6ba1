import { verifyRound } from "../games/games";
import { ratioToNumber } from "../games/payout";
import { parseInput, withGameInput } from "./parse-input";
import { type VerifyOutcomeInput, verifyOutcomeInput } from "./rounds.schemas";

/**
 * Public verification: recomputes a round from its revealed server seed, client seed, nonce, game and
 * parameters, with the very code that resolved it. Compare `serverSeedHash` with the hash shown before play.
 */
export const verifyOutcome = (rawInput: VerifyOutcomeInput) => {
  const input = parseInput(verifyOutcomeInput, rawInput);
  const verified = withGameInput(() => verifyRound(input));
  return {
    game: verified.game,
    calcVer: verified.calcVer,
    serverSeedHash: verified.serverSeedHash,
    clientSeed: verified.clientSeed,
    nonce: verified.nonce,
    floats: verified.floats,
    outcome: verified.outcome,
    isWin: verified.isWin,
    /** The exact multiplier applied to the stake (payout = floor(stake · num / den)). */
    multiplier: { num: verified.multiplier.num.toString(), den: verified.multiplier.den.toString() },
    /** For display only. */
    multiplierDisplay: ratioToNumber(verified.multiplier, 8).toString(),
  };
};
