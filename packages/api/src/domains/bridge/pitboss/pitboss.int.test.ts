import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { balanceOf, expectLedgerInvariants } from "../../../testing/wallet";
import { pitbossDriver, type Wire } from "../conformance/drivers";
import { launchPlayer, type StudioFixture, setupStudio, uniqueId } from "../conformance/fixtures";
import { pruneBridgeNonces } from "../prune-nonces";
import { signPitbossRequest } from "./pitboss-signature";

let fixture: StudioFixture;
let driver: ReturnType<typeof pitbossDriver>;

beforeAll(async () => {
  fixture = await setupStudio("PITBOSS");
  driver = pitbossDriver(fixture);
});
afterEach(async () => {
  fixture.clock.set(new Date());
  await expectLedgerInvariants(fixture.deps);
});
afterAll(() => fixture.deps.db.close());

const request = (action: string, payload: Record<string, unknown>, at = fixture.clock()): Wire => {
  const body = JSON.stringify({ requestId: randomUUID(), ...payload });
  return {
    path: ["v1", fixture.provider, action],
    body: Buffer.from(body),
    headers: signPitbossRequest(fixture.secret, body, at),
  };
};
const answer = async (wire: Wire) => {
  const result = await driver.send(wire);
  return {
    status: result.status,
    // biome-ignore lint/suspicious/noExplicitAny: test reads the JSON answer loosely
    body: JSON.parse(result.body.toString()) as Record<string, any>,
    headers: result.headers,
  };
};
const cash = async (playerId: string) => await balanceOf(fixture.deps, playerId, "CASH", "EUR");

describe("our wallet protocol", () => {
  it("authenticate and balance: typed JSON, minor units as strings, the request id echoed in a header", async () => {
    const player = await launchPlayer(fixture, 4_321n);
    const auth = await answer(request("authenticate", { token: player.token }));
    expect(auth.status).toBe(200);
    expect(auth.body).toEqual({
      ok: true,
      playerId: player.playerId,
      currency: "EUR",
      country: "DE",
      gameCode: fixture.gameCode,
      balance: { currency: "EUR", cashMinor: "4321", bonusMinor: "0" },
    });
    const wire = request("balance", { playerId: player.playerId, token: player.token });
    const balance = await answer(wire);
    expect(balance.headers["x-pitboss-request-id"]).toBe(JSON.parse(wire.body.toString()).requestId);
    expect(balance.body.balance.cashMinor).toBe("4321");
    const unknown = await answer(request("authenticate", { token: "nope" }));
    expect([unknown.status, unknown.body.error]).toEqual([401, { code: "INVALID_TOKEN", retryable: false }]);
  });

  it("a byte-identical resend is a replayed request: refused, nothing moved; 20 parallel resends process once", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const bet = request("bet", {
      playerId: player.playerId,
      token: player.token,
      transactionId: uniqueId("b"),
      roundId: uniqueId("r"),
      gameCode: fixture.gameCode,
      currency: "EUR",
      amountMinor: "100",
    });
    const results = await Promise.all(Array.from({ length: 20 }, () => answer(bet)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.body.error?.code === "REPLAYED_REQUEST")).toHaveLength(19);
    expect(await cash(player.playerId)).toBe(9_900n);
  });

  it("refuses a request signed more than 5 minutes ago (or ahead), before looking at it", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const old = new Date(fixture.clock().getTime() - 6 * 60_000);
    const stale = await answer(request("balance", { playerId: player.playerId }, old));
    expect([stale.status, stale.body.error.code]).toEqual([401, "STALE_REQUEST"]);
    const future = new Date(fixture.clock().getTime() + 6 * 60_000);
    expect((await answer(request("balance", { playerId: player.playerId }, future))).body.error.code).toBe(
      "STALE_REQUEST",
    );
    const recent = new Date(fixture.clock().getTime() - 4 * 60_000);
    expect((await answer(request("balance", { playerId: player.playerId }, recent))).status).toBe(200);
  });

  it("maps refusals to HTTP statuses that tell a studio whether to retry", async () => {
    const player = await launchPlayer(fixture, 100n);
    const bet = (overrides: Record<string, unknown>) =>
      answer(
        request("bet", {
          playerId: player.playerId,
          token: player.token,
          transactionId: uniqueId("b"),
          roundId: uniqueId("r"),
          gameCode: fixture.gameCode,
          currency: "EUR",
          amountMinor: "50",
          ...overrides,
        }),
      );
    const expectations: Array<[Record<string, unknown>, number, string]> = [
      [{ amountMinor: "5000" }, 422, "INSUFFICIENT_FUNDS"],
      [{ amountMinor: "5" }, 422, "STAKE_OUT_OF_RANGE"],
      [{ currency: "USD" }, 422, "CURRENCY_MISMATCH"],
      [{ gameCode: "nope" }, 422, "GAME_UNAVAILABLE"],
      [{ token: "nope" }, 401, "INVALID_TOKEN"],
      [{ amountMinor: "-5" }, 400, "BAD_REQUEST"],
      [{ extra: true }, 400, "BAD_REQUEST"],
    ];
    for (const [overrides, status, code] of expectations) {
      const result = await bet(overrides);
      expect([result.status, result.body.error?.code], JSON.stringify(overrides)).toEqual([status, code]);
    }
    const unknownProvider = await answer({
      ...request("balance", { playerId: player.playerId }),
      path: ["v1", "nobody", "balance"],
    });
    expect([unknownProvider.status, unknownProvider.body.error.code]).toEqual([401, "UNKNOWN_PROVIDER"]);
    const badVersion = await answer({
      ...request("balance", { playerId: player.playerId }),
      path: ["v2", fixture.provider, "balance"],
    });
    expect(badVersion.status).toBe(400);
    expect(await cash(player.playerId)).toBe(100n);
  });

  it("end-round closes the round; rollback by its own id is idempotent; the nonce table is pruned", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const roundId = uniqueId("r");
    const betId = uniqueId("b");
    await answer(
      request("bet", {
        playerId: player.playerId,
        token: player.token,
        transactionId: betId,
        roundId,
        gameCode: fixture.gameCode,
        currency: "EUR",
        amountMinor: "700",
      }),
    );
    const rollback = {
      playerId: player.playerId,
      transactionId: uniqueId("rb"),
      referenceTransactionId: betId,
      roundId,
    };
    const first = await answer(request("rollback", rollback));
    const second = await answer(request("rollback", rollback));
    expect(second.body).toEqual(first.body);
    // Another rollback id for the same bet reverses nothing more.
    expect((await answer(request("rollback", { ...rollback, transactionId: uniqueId("rb") }))).status).toBe(200);
    expect((await answer(request("end-round", { playerId: player.playerId, roundId }))).status).toBe(200);
    expect(await cash(player.playerId)).toBe(10_000n);
    fixture.clock.advance(11 * 60_000);
    expect((await pruneBridgeNonces(fixture.deps)).pruned).toBeGreaterThan(0);
  });
});
