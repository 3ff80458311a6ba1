import { DomainError } from "@pitboss/db";
import { type RoundView, toRoundView } from "./round-view";
import type { RoundRow } from "./rounds.repo";

/**
 * What a retry with an already used key gets: the original round, as it was played. There is nothing to wait for
 * and nothing to complete: `round_play_instant` writes an instant round SETTLED together with its bet, its stake
 * and its win in one statement, so a retry finds the whole round or no round at all (a refused stake rolls the
 * round back with it). The same key with another request (a multi-step round's key included: its request hash is
 * of another command) is IDEMPOTENCY_KEY_REUSED.
 */
export const replayRound = (round: RoundRow, requestHash: string): RoundView => {
  if (round.requestHash !== requestHash) {
    throw new DomainError("IDEMPOTENCY_KEY_REUSED", {
      message: "this idempotency key was used for another request",
      meta: { roundId: round.id },
    });
  }
  if (round.status === "OPEN") {
    // No writer leaves an instant round OPEN (see round_play_instant); if one is ever met, an invariant broke, and
    // answering with it, or waiting for it, would hide that.
    throw new DomainError("INTERNAL", {
      message: `instant round ${round.id} is OPEN, which round_play_instant never writes`,
      meta: { roundId: round.id },
    });
  }
  return toRoundView(round);
};
