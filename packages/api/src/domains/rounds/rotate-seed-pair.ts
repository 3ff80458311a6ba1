import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { isRecordNotFound } from "./failure-kinds";
import { ensureActiveSeedPair, newSeedPairData, toActivePairView, toRevealedPairView } from "./get-seed-pair";
import { parseInput } from "./parse-input";
import { countUndecidedRoundsOnPair, insertSeedPair, revealActiveSeedPair } from "./rounds.repo";
import { type RotateSeedPairCommand, rotateSeedPairCommand } from "./rounds.schemas";

type Deps = Pick<ServiceDeps, "db" | "now" | "newId">;

/**
 * Reveals the active server seed and commits a new one (nonce back to 0), keeping the client seed unless a new
 * one is given. One transaction: the reveal takes the pair's row lock, which nonce reservations also take, so a
 * round is always resolved entirely with the old pair or entirely with the new one. Refused while a multi-step
 * round on the pair is undecided: its board is fixed but hidden, and the revealed seed would give it away.
 */
export const rotateSeedPair = async (deps: Deps, rawInput: RotateSeedPairCommand) => {
  const { playerId, clientSeed } = parseInput(rotateSeedPairCommand, rawInput);
  for (let attempt = 0; ; attempt += 1) {
    await ensureActiveSeedPair(deps, playerId);
    try {
      const { revealed, active } = await deps.db.prisma.$transaction(async (tx) => {
        const revealed = await revealActiveSeedPair(tx, playerId, deps.now());
        if ((await countUndecidedRoundsOnPair(tx, revealed.id)) > 0) {
          throw new DomainError("CONFLICT", {
            message: "finish the open round before rotating the seed pair",
            meta: { seedPairId: revealed.id },
          });
        }
        const active = await insertSeedPair(tx, newSeedPairData(deps, playerId, clientSeed ?? revealed.clientSeed));
        return { revealed, active };
      });
      return { revealed: toRevealedPairView(revealed), active: toActivePairView(active) };
    } catch (error) {
      // A concurrent rotation replaced the pair under us: rotate the one it committed.
      if (isRecordNotFound(error) && attempt === 0) continue;
      throw error;
    }
  }
};
