/** How far back a requester's own adjustments for the same player count towards the four-eyes threshold. */
const approvalWindowMs = 24 * 60 * 60 * 1000;

export const approvalWindowStart = (now: Date) => new Date(now.getTime() - approvalWindowMs);

const absolute = (value: bigint) => (value < 0n ? -value : value);

/**
 * Four-eyes: a second approver is needed in a currency without a threshold, or when this request plus what the same
 * requester already adjusted for the player within the window is above it. Counting the running total is what
 * stops a large adjustment being split into many small ones that each pass on their own.
 */
export const needsSecondApprover = (check: {
  /** Minor units; undefined when the currency has no threshold. */
  thresholdMinor: bigint | undefined;
  /** Absolute amounts already requested in the window (see sumAdjustedSince). */
  adjustedInWindowMinor: bigint;
  /** This request, signed. */
  amountMinor: bigint;
}) =>
  check.thresholdMinor === undefined ||
  check.adjustedInWindowMinor + absolute(check.amountMinor) > check.thresholdMinor;
