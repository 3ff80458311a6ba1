import { isDomainError } from "@pitboss/db";
import { describe, expect, it } from "vitest";
import { replayRound } from "./replay-round";
import type { RoundRow } from "./rounds.repo";

// Only what replayRound reads before it answers with an error; the happy path is covered by the int tests.
const storedRound = (status: RoundRow["status"]) => ({ id: "rnd_1", requestHash: "hash-a", status }) as RoundRow;

const codeOf = (play: () => unknown) => {
  try {
    play();
    return null;
  } catch (error) {
    return isDomainError(error) ? error.code : "not a DomainError";
  }
};

describe("replayRound", () => {
  it("refuses the key for another request", () => {
    expect(codeOf(() => replayRound(storedRound("SETTLED"), "hash-b"))).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("answers an instant round found OPEN, which round_play_instant never writes, with INTERNAL at once", () => {
    expect(codeOf(() => replayRound(storedRound("OPEN"), "hash-a"))).toBe("INTERNAL");
  });
});
