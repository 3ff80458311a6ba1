import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { balanceOf, expectLedgerInvariants } from "../../../testing/wallet";
import { pragmaticDriver, type Wire } from "../conformance/drivers";
import { launchPlayer, type StudioFixture, setupStudio, uniqueId } from "../conformance/fixtures";
import { registerStudioGame } from "../providers";
import { signPragmaticForm } from "./pragmatic-hash";

let fixture: StudioFixture;
let driver: ReturnType<typeof pragmaticDriver>;

beforeAll(async () => {
  fixture = await setupStudio("PRAGMATIC");
  driver = pragmaticDriver(fixture);
});
afterEach(() => expectLedgerInvariants(fixture.deps));
afterAll(() => fixture.deps.db.close());

const form = (method: string, params: Record<string, string>): Wire => ({
  path: [method],
  body: Buffer.from(signPragmaticForm({ providerId: fixture.provider, ...params }, fixture.secret)),
  headers: {},
});
const call = async (method: string, params: Record<string, string>) =>
  (await driver.send(form(method, params))).body.toString();
const cash = async (playerId: string, currency = "EUR") => await balanceOf(fixture.deps, playerId, "CASH", currency);
const now = () => String(fixture.clock().getTime());

describe("Pragmatic adapter", () => {
  it("authenticate: the token names the player, currency, cash and bonus; the token comes back for later calls", async () => {
    const player = await launchPlayer(fixture, 9_999n);
    expect(await call("authenticate.html", { token: player.token })).toBe(
      `{"userId":"${player.playerId}","currency":"EUR","cash":99.99,"bonus":0.00,"token":"${player.token}","error":0,"description":"Success"}`,
    );
    expect(JSON.parse(await call("authenticate.html", { token: "unknown" })).error).toBe(4);
  });

  it("balance, endRound (idempotent, also for a round never seen), with cash and bonus in two decimals", async () => {
    const player = await launchPlayer(fixture, 1_050n);
    expect(await call("balance.html", { userId: player.playerId })).toBe(
      '{"currency":"EUR","cash":10.50,"bonus":0.00,"error":0,"description":"Success"}',
    );
    const roundId = uniqueId("round");
    await call("bet.html", {
      userId: player.playerId,
      gameId: fixture.gameCode,
      roundId,
      amount: "0.50",
      reference: uniqueId("ref"),
      timestamp: now(),
      roundDetails: "spin",
      token: player.token,
    });
    const end = { userId: player.playerId, gameId: fixture.gameCode, roundId };
    expect(await call("endRound.html", end)).toBe('{"cash":10.00,"bonus":0.00,"error":0,"description":"Success"}');
    expect(JSON.parse(await call("endRound.html", end)).error).toBe(0);
    expect(JSON.parse(await call("endRound.html", { ...end, roundId: "never-seen" })).error).toBe(0);
    const round = await fixture.deps.db.prisma.bridgeRound.findFirstOrThrow({
      where: { provider: fixture.provider, playerId: player.playerId, providerRoundId: roundId },
    });
    expect(round.status).toBe("CLOSED");
  });

  it("refund of an unknown bet changes nothing and succeeds; the late bet is refused", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const reference = uniqueId("ref");
    const refund = JSON.parse(await call("refund.html", { userId: player.playerId, reference }));
    expect(refund).toMatchObject({ error: 0, description: "Success" });
    expect(typeof refund.transactionId).toBe("string");
    expect(await cash(player.playerId)).toBe(10_000n);
    const late = JSON.parse(
      await call("bet.html", {
        userId: player.playerId,
        gameId: fixture.gameCode,
        roundId: "1",
        amount: "1.00",
        reference,
        timestamp: now(),
        roundDetails: "spin",
        token: player.token,
      }),
    );
    expect(late.error).toBe(120);
    expect(await cash(player.playerId)).toBe(10_000n);
  });

  it("bonusWin and jackpotWin credit the player once per reference; result adds promoWinAmount", async () => {
    const player = await launchPlayer(fixture, 1_000n);
    const bonus = {
      userId: player.playerId,
      amount: "2.50",
      reference: uniqueId("bw"),
      timestamp: now(),
      bonusCode: "frb-1",
    };
    expect(JSON.parse(await call("bonusWin.html", bonus)).error).toBe(0);
    expect(JSON.parse(await call("bonusWin.html", bonus)).error).toBe(0);
    const jackpot = {
      userId: player.playerId,
      gameId: fixture.gameCode,
      roundId: uniqueId("r"),
      jackpotId: "mega",
      amount: "100.00",
      reference: uniqueId("jw"),
      timestamp: now(),
    };
    expect(JSON.parse(await call("jackpotWin.html", jackpot)).cash).toBe(112.5);
    const result = {
      userId: player.playerId,
      gameId: fixture.gameCode,
      roundId: uniqueId("r"),
      amount: "1.00",
      promoWinAmount: "0.25",
      reference: uniqueId("res"),
      timestamp: now(),
      roundDetails: "spin",
    };
    expect(JSON.parse(await call("result.html", result)).error).toBe(0);
    expect(await cash(player.playerId)).toBe(1_000n + 250n + 10_000n + 125n);
  });

  it("a result for a round whose only bet was refunded is refused (120); nothing paid", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const roundId = uniqueId("r");
    const reference = uniqueId("ref");
    await call("bet.html", {
      userId: player.playerId,
      gameId: fixture.gameCode,
      roundId,
      amount: "1.00",
      reference,
      timestamp: now(),
      roundDetails: "spin",
      token: player.token,
    });
    expect(JSON.parse(await call("refund.html", { userId: player.playerId, reference, roundId })).error).toBe(0);
    const result = JSON.parse(
      await call("result.html", {
        userId: player.playerId,
        gameId: fixture.gameCode,
        roundId,
        amount: "5.00",
        reference: uniqueId("res"),
        timestamp: now(),
        roundDetails: "spin",
      }),
    );
    expect(result.error).toBe(120);
    expect(await cash(player.playerId)).toBe(10_000n);
  });

  it("converts amounts exactly in the player's currency (JPY has no decimals) and refuses the inexact", async () => {
    await registerStudioGame(fixture.deps, {
      provider: fixture.provider,
      externalCode: fixture.gameCode,
      slug: fixture.slug,
      name: "Test Wheel",
      category: "slots",
      rtpBps: 9500,
      volatility: "MEDIUM",
      limits: [{ currency: "JPY", minStakeMinor: 1n, maxStakeMinor: 100_000n }],
    });
    const player = await launchPlayer(fixture, 5_000n, "JPY");
    const bet = (amount: string) =>
      call("bet.html", {
        userId: player.playerId,
        gameId: fixture.gameCode,
        roundId: uniqueId("r"),
        amount,
        reference: uniqueId("ref"),
        timestamp: now(),
        roundDetails: "spin",
        token: player.token,
      });
    expect(JSON.parse(await bet("100.50")).error).toBe(7);
    expect(await bet("100.00")).toMatch(/"currency":"JPY","cash":4900.00,"bonus":0.00,"usedPromo":0.00,"error":0/);
    expect(await cash(player.playerId, "JPY")).toBe(4_900n);
  });

  it("refuses a repeated parameter, a missing parameter, an unknown providerId; a bet without token fails auth", async () => {
    const player = await launchPlayer(fixture, 10_000n);
    const signedBody = signPragmaticForm({ providerId: fixture.provider, userId: player.playerId }, fixture.secret);
    const repeated = await driver.send({
      path: ["balance.html"],
      body: Buffer.from(`${signedBody}&userId=x`),
      headers: {},
    });
    expect(JSON.parse(repeated.body.toString()).error).toBe(7);
    expect(JSON.parse(await call("bet.html", { userId: player.playerId })).error).toBe(7);
    const stranger = await driver.send({
      path: ["balance.html"],
      body: Buffer.from(signPragmaticForm({ providerId: "nobody", userId: player.playerId }, fixture.secret)),
      headers: {},
    });
    expect(JSON.parse(stranger.body.toString()).error).toBe(7);
    const noToken = await call("bet.html", {
      userId: player.playerId,
      gameId: fixture.gameCode,
      roundId: "1",
      amount: "1.00",
      reference: uniqueId("ref"),
      timestamp: now(),
      roundDetails: "spin",
    });
    expect(JSON.parse(noToken).error).toBe(4);
    expect((await driver.send({ path: ["steal.html"], body: Buffer.alloc(0), headers: {} })).status).toBe(404);
    expect(await cash(player.playerId)).toBe(10_000n);
  });
});
