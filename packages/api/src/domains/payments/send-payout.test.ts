import { describe, expect, it } from "vitest";
import { moveAfterFailedSend } from "./send-payout";

describe("what a failed payout send means", () => {
  it("hands a payout the provider did not get to the next provider, or to a later run", () => {
    for (const send of ["first", "repeat"] as const) {
      expect(moveAfterFailedSend("UNREACHABLE", send)).toBeNull();
      expect(moveAfterFailedSend("UNAVAILABLE", send)).toBeNull();
    }
  });

  it("holds a payout whose outcome is unknown (timeout, 5xx), whichever send it was", () => {
    for (const send of ["first", "repeat"] as const) {
      expect(moveAfterFailedSend("TIMEOUT", send)).toMatchObject({ to: "HELD", reasonCode: "PROVIDER_TIMEOUT" });
      expect(moveAfterFailedSend("SERVER_ERROR", send)).toMatchObject({ to: "HELD", reasonCode: "PROVIDER_ERROR" });
    }
  });

  it("fails a payout refused on its first send, but only holds one refused on a repeat: it may be paid yet", () => {
    expect(moveAfterFailedSend("REFUSED", "first")).toMatchObject({ to: "FAILED", reasonCode: "PAYOUT_REFUSED" });
    expect(moveAfterFailedSend("REFUSED", "repeat")).toMatchObject({ to: "HELD", reasonCode: "PROVIDER_ERROR" });
  });
});
