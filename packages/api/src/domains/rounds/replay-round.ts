import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { sleep } from "./failure-kinds";
import { completeDecidedRound, expireRound } from "./round-lifecycle";
import { RETRY_POLL_MS, RETRY_POLLS } from "./round-rules";
import { type RoundView, toRoundView } from "./round-view";
import { findRound, type RoundRow } from "./rounds.repo";

/**
 * What a retry with an already used key gets: the original round. A decided round is completed on the spot; an
 * undecided one belongs to the request still playing it, so the retry waits briefly for it (or voids it if it is
 * past its deadline). Returns null if the round disappeared (its stake was refused): the caller plays afresh.
 */
export const replayRound = async (
  deps: ServiceDeps,
  round: RoundRow,
  requestHash: string,
): Promise<RoundView | null> => {
  if (round.requestHash !== requestHash) {
    throw new DomainError("IDEMPOTENCY_KEY_REUSED", {
      message: "this idempotency key was used for another request",
      meta: { roundId: round.id },
    });
  }
  let current: RoundRow | null = round;
  for (let poll = 0; current; poll += 1) {
    if (current.status !== "OPEN") return toRoundView(current);
    if (current.result !== null || current.voidReason !== null) {
      current = await completeDecidedRound(deps, current.id);
      continue;
    }
    if (deps.now() >= current.timeoutAt) {
      current = await expireRound(deps, current.id);
      continue;
    }
    if (poll >= RETRY_POLLS) {
      throw new DomainError("CONFLICT", {
        message: "the round is still being played; retry with the same key",
        meta: { roundId: current.id },
      });
    }
    await sleep(RETRY_POLL_MS);
    current = await findRound(deps.db.prisma, current.id);
  }
  return null;
};
