import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { balanceOf, expectLedgerInvariants } from "../../../testing/wallet";
import { hub88Driver, type Wire } from "../conformance/drivers";
import { launchPlayer, type StudioFixture, setupStudio, uniqueId } from "../conformance/fixtures";
import { MAX_BODY_BYTES } from "../provider-request";
import { setProviderEnabled } from "../providers";
import { handleHub88 } from "./hub88.handler";
import { signHub88 } from "./hub88-signature";

let fixture: StudioFixture;
let driver: ReturnType<typeof hub88Driver>;

beforeAll(async () => {
  fixture = await setupStudio("HUB88");
  driver = hub88Driver(fixture);
});
afterEach(() => expectLedgerInvariants(fixture.deps));
afterAll(() => fixture.deps.db.close());

const json = (result: { body: Buffer }) => JSON.parse(result.body.toString()) as Record<string, unknown>;
const signed = (path: string[], body: string): Wire => ({
  path: [fixture.provider, ...path],
  body: Buffer.from(body),
  headers: { "x-hub88-signature": signHub88(body, fixture.privateKey) },
});

describe("Hub88 adapter", () => {
  it("answers user/info and user/balance with the balance × 100000 and the request_uuid echoed", async () => {
    const player = await launchPlayer(fixture, 12_345n);
    const requestUuid = randomUUID();
    const info = await driver.send(
      signed(["user", "info"], JSON.stringify({ user: player.playerId, request_uuid: requestUuid })),
    );
    expect(json(info)).toEqual({ user: player.playerId, status: "RS_OK", request_uuid: requestUuid, country: "DE" });
    const balance = json(await driver.send(driver.balance(player)));
    expect(balance).toMatchObject({ user: player.playerId, status: "RS_OK", currency: "EUR", balance: 12_345_000 });
  });

  it("a retry with a new request_uuid gets the stored answer with its own request_uuid, nothing else changed", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const bet = {
      playerId: player.playerId,
      token: player.token,
      txnId: uniqueId("b"),
      roundId: uniqueId("r"),
      amountMinor: 100n,
      currency: "EUR",
    };
    const first = await driver.send(driver.bet(bet));
    const retry = await driver.send(driver.bet(bet));
    const [a, b] = [json(first), json(retry)];
    expect(b.request_uuid).not.toBe(a.request_uuid);
    expect({ ...b, request_uuid: a.request_uuid }).toEqual(a);
    expect(await balanceOf(fixture.deps, player.playerId, "CASH", "EUR")).toBe(9_900n);
  });

  it("refuses an unknown provider, an unknown action, a missing signature and an oversize body, moving nothing", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const bet = driver.bet({
      playerId: player.playerId,
      token: player.token,
      txnId: uniqueId("b"),
      roundId: "r",
      amountMinor: 100n,
      currency: "EUR",
    });
    const send = (wire: Partial<Wire> & { isTooLarge?: boolean }) =>
      handleHub88(fixture.deps, {
        path: wire.path ?? bet.path,
        body: wire.body ?? bet.body,
        headers: { get: (name) => (wire.headers ?? bet.headers)[name] ?? null },
        requestId: "req_test",
        isTooLarge: wire.isTooLarge,
      });
    expect(json(await send({ path: ["no-such-studio", "transaction", "bet"] })).status).toBe(
      "RS_ERROR_INVALID_PARTNER",
    );
    expect((await send({ path: [fixture.provider, "transaction", "steal"] })).status).toBe(404);
    expect(json(await send({ headers: {} })).status).toBe("RS_ERROR_INVALID_SIGNATURE");
    expect(json(await send({ body: Buffer.alloc(0), isTooLarge: true })).status).toBe("RS_ERROR_WRONG_SYNTAX");
    expect(MAX_BODY_BYTES).toBeGreaterThan(1_000);
    // Wrong types, signed: WRONG_TYPES; an amount the currency cannot hold: refused too.
    const typed = signed(["transaction", "bet"], JSON.stringify({ ...json({ body: bet.body }), amount: "100000" }));
    expect(json(await driver.send(typed)).status).toBe("RS_ERROR_WRONG_TYPES");
    const inexact = signed(["transaction", "bet"], JSON.stringify({ ...json({ body: bet.body }), amount: 100_500 }));
    expect(json(await driver.send(inexact)).status).toBe("RS_ERROR_WRONG_TYPES");
    const unknownCurrency = signed(
      ["transaction", "bet"],
      JSON.stringify({ ...json({ body: bet.body }), currency: "XYZ" }),
    );
    expect(json(await driver.send(unknownCurrency)).status).toBe("RS_ERROR_WRONG_CURRENCY");
    expect(await balanceOf(fixture.deps, player.playerId, "CASH", "EUR")).toBe(10_000n);
  });

  it("win for a bet it never saw: TRANSACTION_DOES_NOT_EXIST, not recorded, so the retry after the bet is paid", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const bet = {
      playerId: player.playerId,
      token: player.token,
      txnId: uniqueId("b"),
      roundId: uniqueId("r"),
      amountMinor: 100n,
      currency: "EUR",
    };
    const win = driver.win({ ...bet, txnId: uniqueId("w"), betTxnId: bet.txnId, amountMinor: 300n });
    expect(json(await driver.send(win)).status).toBe("RS_ERROR_TRANSACTION_DOES_NOT_EXIST");
    expect(json(await driver.send(driver.bet(bet))).status).toBe("RS_OK");
    expect(json(await driver.send(win)).status).toBe("RS_OK");
    expect(await balanceOf(fixture.deps, player.playerId, "CASH", "EUR")).toBe(10_200n);
  });

  it("a zero win closes the round and moves nothing; round_closed is recorded", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const bet = {
      playerId: player.playerId,
      token: player.token,
      txnId: uniqueId("b"),
      roundId: uniqueId("r"),
      amountMinor: 100n,
      currency: "EUR",
    };
    await driver.send(driver.bet(bet));
    expect(
      json(await driver.send(driver.win({ ...bet, txnId: uniqueId("w"), betTxnId: bet.txnId, amountMinor: 0n })))
        .status,
    ).toBe("RS_OK");
    const round = await fixture.deps.db.prisma.bridgeRound.findFirstOrThrow({
      where: { provider: fixture.provider, playerId: player.playerId, providerRoundId: bet.roundId },
    });
    expect(round.status).toBe("CLOSED");
    expect(await balanceOf(fixture.deps, player.playerId, "CASH", "EUR")).toBe(9_900n);
  });

  it("kill switch: new bets refused as INVALID_GAME, wins of bets already taken still paid", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const bet = {
      playerId: player.playerId,
      token: player.token,
      txnId: uniqueId("b"),
      roundId: uniqueId("r"),
      amountMinor: 100n,
      currency: "EUR",
    };
    await driver.send(driver.bet(bet));
    await setProviderEnabled(fixture.deps, { code: fixture.provider, isEnabled: false, reason: "incident drill" });
    try {
      expect(json(await driver.send(driver.bet({ ...bet, txnId: uniqueId("b") }))).status).toBe(
        "RS_ERROR_INVALID_GAME",
      );
      expect(
        json(await driver.send(driver.win({ ...bet, txnId: uniqueId("w"), betTxnId: bet.txnId, amountMinor: 500n })))
          .status,
      ).toBe("RS_OK");
    } finally {
      await setProviderEnabled(fixture.deps, { code: fixture.provider, isEnabled: true });
    }
    expect(await balanceOf(fixture.deps, player.playerId, "CASH", "EUR")).toBe(10_400n);
  });

  it("a win pays the stake's sources back in proportion (bet reference linked in the ledger)", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const bet = {
      playerId: player.playerId,
      token: player.token,
      txnId: uniqueId("b"),
      roundId: uniqueId("r"),
      amountMinor: 100n,
      currency: "EUR",
    };
    await driver.send(driver.bet(bet));
    await driver.send(driver.win({ ...bet, txnId: uniqueId("w"), betTxnId: bet.txnId, amountMinor: 200n }));
    const rows = await fixture.deps.db.prisma.bridgeTransaction.findMany({
      where: { provider: fixture.provider, playerId: player.playerId },
      select: { kind: true, status: true, ledgerTxnId: true, amountMinor: true },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.kind, r.status, r.amountMinor])).toEqual([
      ["BET", "OK", 100n],
      ["WIN", "OK", 200n],
    ]);
    const ledger = await fixture.deps.db.prisma.ledgerTransaction.findMany({
      where: { id: { in: rows.map((r) => r.ledgerTxnId as string) } },
      select: { kind: true, idempotencyScope: true, contractVer: true },
    });
    expect(ledger.map((l) => l.kind).sort()).toEqual(["BET", "WIN"]);
    expect(ledger.every((l) => l.idempotencyScope === `bridge:${fixture.provider}:${player.playerId}`)).toBe(true);
    expect(ledger.every((l) => l.contractVer === "hub88/operator-wallet-v2")).toBe(true);
  });
});
