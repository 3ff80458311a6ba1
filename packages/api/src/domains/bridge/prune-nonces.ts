import type { ServiceDeps } from "../../deps";
import { pruneNonces } from "./bridge.repo";
import { SIGNATURE_TOLERANCE_S } from "./pitboss/pitboss-signature";

/**
 * Forgets request ids older than twice the signature tolerance: a request that old is refused by its timestamp
 * before its nonce is looked at, so keeping the id buys nothing.
 */
export const pruneBridgeNonces = async (deps: Pick<ServiceDeps, "db" | "now">) => ({
  pruned: await pruneNonces(deps.db, new Date(deps.now().getTime() - 2 * SIGNATURE_TOLERANCE_S * 1000)),
});
