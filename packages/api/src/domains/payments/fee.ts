/**
 * The provider's fee for an amount: fixed plus basis points, rounded down (never a float). Pure, so the cashier
 * shows the player the very fee the server will charge.
 */
export const feeFor = (method: { feeFixedMinor: bigint; feeBps: number }, amountMinor: bigint) =>
  method.feeFixedMinor + (amountMinor * BigInt(method.feeBps)) / 10_000n;
