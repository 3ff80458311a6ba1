import { describe, expect, it } from "vitest";
import { fingerprintOf } from "../bridge/fingerprint";
import { requestHash } from "./request-hash";

/**
 * Both hashes are stored (with a ledger key, with a studio transaction) and compared when a request comes again,
 * possibly after a deploy: the same request must hash to the same bytes in every version, or its retry would be
 * refused as a reused key. The pinned values were computed by the first implementation.
 */
describe("stored request hashes", () => {
  it("hash a request canonically: key order, bigints, dates and absent fields do not change it", () => {
    const request = {
      playerId: "ply_01",
      currency: "EUR",
      amountMinor: 1250n,
      funding: "CASH_FIRST",
      houseScope: "studio",
      roundId: undefined,
      metadata: { b: 1, a: [2n, { z: null, y: "é" }], "10": "x", "2": "y" },
      at: new Date("2026-01-02T03:04:05.678Z"),
    };
    const pinned = "67616b66e54568adfeea4ebfac501ed9c185cefa76375abc34c2fede2e2bf9d7";
    expect(requestHash("debit", request)).toBe(pinned);
    const { metadata, ...rest } = request;
    expect(requestHash("debit", { metadata: { ...metadata }, ...rest, extra: undefined })).toBe(pinned);
    expect(requestHash("debit", { ...request, amountMinor: 1251n })).not.toBe(pinned);
    expect(requestHash("credit", request)).not.toBe(pinned);
  });

  it("fingerprint a studio command the same way in every version", () => {
    const bet = { command: "bet", player: "p", transaction: "t", round: "r", game: "g", currency: null, amount: 100n };
    const pinned = "7d79ff0c94d452a870c2a95d289b9596944b1950189fb8166b38c7e857153d7a";
    expect(fingerprintOf({ ...bet, extra: undefined })).toBe(pinned);
    expect(fingerprintOf({ ...bet, amount: 101n })).not.toBe(pinned);
  });
});
