import { createTestPlayer } from "@pitboss/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { cashOf, domainCodeOf, ensureInHouseGames, newKey } from "../../testing/rounds";
import { createFundedPlayer, expectLedgerInvariants } from "../../testing/wallet";
import { placeInstantBet } from "./place-instant-bet";

const deps = createTestDeps();
beforeAll(() => ensureInHouseGames(deps));
afterEach(() => expectLedgerInvariants(deps));
afterAll(() => deps.db.close());

const limbo = (extra: Record<string, unknown> = {}) => ({
  game: "limbo",
  currency: "EUR",
  stakeMinor: 100n,
  params: { target: 200 },
  idempotencyKey: newKey(),
  ...extra,
});

/** Refused with `code`, and nothing happened: balance untouched, no round, no ledger movement. */
const expectRefused = async (playerId: string, attempt: () => Promise<unknown>, code: string) => {
  const balance = await cashOf(deps, playerId);
  expect(await domainCodeOf(attempt())).toBe(code);
  expect(await cashOf(deps, playerId)).toBe(balance);
  expect(await deps.db.prisma.round.count({ where: { playerId } })).toBe(0);
  expect(await deps.db.prisma.bet.count({ where: { playerId } })).toBe(0);
  expect(await deps.db.prisma.ledgerTransaction.count({ where: { playerId, kind: { not: "DEPOSIT" } } })).toBe(0);
};

describe("round.play refuses bad bets before any money moves", () => {
  it("refuses a stake outside the game's limits for the currency", async () => {
    const player = await createFundedPlayer(deps, 1_000_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    await expectRefused(player.id, () => caller.round.play(limbo({ stakeMinor: 9n })), "STAKE_OUT_OF_RANGE");
    await expectRefused(player.id, () => caller.round.play(limbo({ stakeMinor: 100_001n })), "STAKE_OUT_OF_RANGE");
    await expectRefused(player.id, () => caller.round.play(limbo({ stakeMinor: 0n })), "INVALID_INPUT");
  });

  it("refuses an unknown game, a studio game and a disabled game", async () => {
    const player = await createFundedPlayer(deps, 10_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    await expectRefused(player.id, () => caller.round.play(limbo({ game: "keno" })), "NOT_FOUND");
    await expectRefused(player.id, () => caller.round.play(limbo({ game: "demo-studio-wheel" })), "NOT_FOUND");
    // Limbo is toggled by this file only (tests in a file run one after another).
    await deps.db.prisma.game.update({ where: { slug: "limbo" }, data: { isEnabled: false } });
    try {
      await expectRefused(player.id, () => caller.round.play(limbo()), "GAME_UNAVAILABLE");
    } finally {
      await deps.db.prisma.game.update({ where: { slug: "limbo" }, data: { isEnabled: true } });
    }
    expect((await caller.round.play(limbo())).status).toBe("SETTLED");
  });

  it("refuses a currency that is not the player's", async () => {
    const player = await createFundedPlayer(deps, 10_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    await expectRefused(player.id, () => caller.round.play(limbo({ currency: "USD" })), "CURRENCY_MISMATCH");
    await expectRefused(player.id, () => caller.round.play(limbo({ currency: "XYZ" })), "CURRENCY_MISMATCH");
  });

  it("rejects outcome, seed and nonce fields anywhere in the request", async () => {
    const player = await createFundedPlayer(deps, 10_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    for (const extra of [
      { serverSeed: "0".repeat(64) },
      { outcome: { result: 100_000 } },
      { nonce: 3 },
      { clientSeed: "mine" },
      { params: { target: 200, outcome: 5000 } },
      { params: { target: 200, serverSeed: "x" } },
    ]) {
      await expectRefused(player.id, () => caller.round.play(limbo(extra) as never), "INVALID_INPUT");
    }
    // The service validates too, for callers that do not go through tRPC.
    await expectRefused(
      player.id,
      () => placeInstantBet(deps, { ...limbo({ outcome: 1 }), playerId: player.id } as never),
      "INVALID_INPUT",
    );
  });

  it("refuses parameters the game's own schema rejects", async () => {
    const player = await createFundedPlayer(deps, 10_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    await expectRefused(player.id, () => caller.round.play(limbo({ params: { target: 100 } })), "INVALID_INPUT");
    await expectRefused(
      player.id,
      () => caller.round.play({ ...limbo(), game: "dice", params: { direction: "over", target: 10_000 } }),
      "INVALID_INPUT",
    );
    await expectRefused(
      player.id,
      () => caller.round.play({ ...limbo(), game: "mines", params: { mines: 24, picks: [1, 2] } }),
      "INVALID_INPUT",
    );
  });

  it("refuses a stake the balance cannot cover, leaving no round behind", async () => {
    const player = await createFundedPlayer(deps, 50n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const input = limbo({ stakeMinor: 51n });
    await expectRefused(player.id, () => caller.round.play(input), "INSUFFICIENT_FUNDS");
    // The key was not spent on a refused stake: the same request plays once the money is there.
    expect(await domainCodeOf(caller.round.play(input))).toBe("INSUFFICIENT_FUNDS");
    expect((await caller.fairness.get()).active.nextNonce).toBe(0);
  });

  it("blocks a suspended or closed player at wager time (WAGER_BLOCKED), before any debit", async () => {
    for (const status of ["SUSPENDED", "CLOSED"] as const) {
      const player = await createFundedPlayer(deps, 10_000n);
      await deps.db.prisma.player.update({ where: { id: player.id }, data: { status } });
      const caller = createTestCaller(deps, { playerId: player.id });
      const error = await caller.round.play(limbo()).catch((e: unknown) => e);
      expect(await domainCodeOf(Promise.reject(error))).toBe("WAGER_BLOCKED");
      expect((error as { cause?: { meta?: unknown } }).cause?.meta).toEqual({ reason: `ACCOUNT_${status}` });
      await expectRefused(player.id, () => caller.round.play(limbo()), "WAGER_BLOCKED");
    }
  });

  it("requires a signed-in player, and a player with no money of that currency cannot stake", async () => {
    expect(await domainCodeOf(createTestCaller(deps).round.play(limbo()))).toBe("UNAUTHENTICATED");
    const player = await createTestPlayer(deps.db, { currency: "EUR" });
    const caller = createTestCaller(deps, { playerId: player.id });
    await expectRefused(player.id, () => caller.round.play(limbo()), "INSUFFICIENT_FUNDS");
  });
});
