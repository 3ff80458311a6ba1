import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyHub88 } from "../domains/bridge/hub88/hub88-signature";
import { createWalletClient, type Fetch } from "./wallet-client";
import { spinWheel, wheelRtpBps, wheelSegmentsTenths, winUnits } from "./wheel";

describe("Lucky Wheel", () => {
  it("pays back exactly 95.00 % (the catalogue's rtp_bps), by enumeration of its segments", () => {
    expect(wheelSegmentsTenths).toHaveLength(20);
    expect(wheelRtpBps).toBe(9500);
  });

  it("spins from the random source it is given", () => {
    expect(spinWheel(() => 9)).toEqual({ segment: 9, multiplierTenths: 50 });
  });

  it("rounds a win down to what the currency can hold", () => {
    expect(winUnits(15_000n, 5, 2)).toBe(7_000n); // 0.15 EUR × 0.5 = 0.075 → 0.07
    expect(winUnits(100_000n, 15, 2)).toBe(150_000n);
    expect(winUnits(100_000n, 5, 0)).toBe(0n); // 1 JPY × 0.5 → 0
    expect(winUnits(3n, 5, 8)).toBe(1n);
  });
});

type Call = { action: string; body: Record<string, unknown>; raw: string; signature: string };

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

/** A wallet that answers from a script: each entry answers one call, "timeout" never answers in time. */
const scriptedWallet = (script: Array<"timeout" | Record<string, unknown>>) => {
  const calls: Call[] = [];
  const fetch: Fetch = async (url, init) => {
    calls.push({
      action: url.replace("https://wallet.test/", ""),
      body: JSON.parse(init.body) as Record<string, unknown>,
      raw: init.body,
      signature: init.headers["x-hub88-signature"] as string,
    });
    const next = script.shift() ?? { status: "RS_OK", balance: 0 };
    if (next === "timeout") throw new DOMException("The operation timed out", "TimeoutError");
    return { ok: true, status: 200, json: async () => next };
  };
  const client = createWalletClient({
    walletUrl: "https://wallet.test",
    privateKey,
    timeoutMs: 50,
    fetch,
    retryDelayMs: 0,
    maxAttempts: 4,
  });
  return { client, calls };
};

const bet = {
  user: "ply_1",
  token: "t",
  game: "lucky_wheel",
  currency: "EUR",
  round: "r1",
  transactionUuid: "b1",
  amount: 100_000n,
};

describe("the demo studio's wallet client", () => {
  it("signs every call with RSA-SHA256 over the exact body it sends", async () => {
    const { client, calls } = scriptedWallet([{ status: "RS_OK", balance: 900_000 }]);
    await client.bet(bet);
    const [call] = calls;
    expect(call?.action).toBe("transaction/bet");
    expect(verifyHub88(Buffer.from(call?.raw ?? ""), call?.signature ?? "", publicKey)).toBe(true);
  });

  it("rolls a timed-out bet back, retrying the rollback (same transaction_uuid) until the wallet confirms", async () => {
    const { client, calls } = scriptedWallet([
      "timeout",
      "timeout",
      { status: "RS_ERROR_UNKNOWN" },
      { status: "RS_OK" },
    ]);
    const result = await client.bet(bet);
    expect(result.isPlaced).toBe(false);
    expect(calls.map((c) => c.action)).toEqual([
      "transaction/bet",
      "transaction/rollback",
      "transaction/rollback",
      "transaction/rollback",
    ]);
    const rollbacks = calls.slice(1);
    expect(new Set(rollbacks.map((c) => c.body.transaction_uuid)).size).toBe(1);
    expect(new Set(rollbacks.map((c) => c.body.request_uuid)).size).toBe(3);
    expect(rollbacks.every((c) => c.body.reference_transaction_uuid === "b1")).toBe(true);
  });

  it("does not roll back a bet the wallet refused cleanly (not enough money, limit reached)", async () => {
    const { client, calls } = scriptedWallet([{ status: "RS_ERROR_NOT_ENOUGH_MONEY", balance: 5 }]);
    expect((await client.bet(bet)).isPlaced).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it("rolls back after any other unsuccessful status", async () => {
    const { client, calls } = scriptedWallet([{ status: "RS_ERROR_UNKNOWN" }, { status: "RS_OK" }]);
    expect((await client.bet(bet)).isPlaced).toBe(false);
    expect(calls.map((c) => c.action)).toEqual(["transaction/bet", "transaction/rollback"]);
  });

  it("retries a win with the same transaction_uuid until a final answer", async () => {
    const { client, calls } = scriptedWallet([
      "timeout",
      { status: "RS_ERROR_UNKNOWN" },
      { status: "RS_OK", balance: 1 },
    ]);
    const answer = await client.win({ ...bet, transactionUuid: "w1", betTransactionUuid: "b1", amount: 0n });
    expect(answer.status).toBe("RS_OK");
    expect(calls.map((c) => c.body.transaction_uuid)).toEqual(["w1", "w1", "w1"]);
  });
});
