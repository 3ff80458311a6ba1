import { describe, expect, it } from "vitest";
import { approvalWindowStart, needsSecondApprover } from "./four-eyes";

describe("needsSecondApprover", () => {
  const threshold = 10_000n;

  it("always in a currency without a threshold", () => {
    expect(needsSecondApprover({ thresholdMinor: undefined, adjustedInWindowMinor: 0n, amountMinor: 1n })).toBe(true);
  });

  it("allows up to and including the threshold, counting what was already adjusted", () => {
    expect(needsSecondApprover({ thresholdMinor: threshold, adjustedInWindowMinor: 0n, amountMinor: 10_000n })).toBe(
      false,
    );
    expect(needsSecondApprover({ thresholdMinor: threshold, adjustedInWindowMinor: 9_000n, amountMinor: 1_000n })).toBe(
      false,
    );
    expect(needsSecondApprover({ thresholdMinor: threshold, adjustedInWindowMinor: 9_000n, amountMinor: 1_001n })).toBe(
      true,
    );
    expect(needsSecondApprover({ thresholdMinor: threshold, adjustedInWindowMinor: 10_000n, amountMinor: 1n })).toBe(
      true,
    );
  });

  it("counts a debit by its size: it does not make room for more credits", () => {
    expect(needsSecondApprover({ thresholdMinor: threshold, adjustedInWindowMinor: 0n, amountMinor: -10_001n })).toBe(
      true,
    );
    expect(
      needsSecondApprover({ thresholdMinor: threshold, adjustedInWindowMinor: 6_000n, amountMinor: -4_001n }),
    ).toBe(true);
  });
});

describe("approvalWindowStart", () => {
  it("is 24 hours before now", () => {
    expect(approvalWindowStart(new Date("2026-03-02T12:00:00.000Z"))).toEqual(new Date("2026-03-01T12:00:00.000Z"));
  });
});
