import type { ServiceDeps } from "../../deps";
import { rotateSeedPair } from "./rotate-seed-pair";

/**
 * Sets the player's client seed. It starts a new pair (revealing the old server seed), as the public verifiers
 * expect: every (server seed, client seed) pair then covers one unbroken nonce range starting at 0.
 */
export const setClientSeed = (
  deps: Pick<ServiceDeps, "db" | "now" | "newId">,
  input: { playerId: string; clientSeed: string },
) => rotateSeedPair(deps, input);
