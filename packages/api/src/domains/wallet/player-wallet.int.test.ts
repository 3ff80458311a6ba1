import { randomUUID } from "node:crypto";
import { isDomainError } from "@pitboss/db";
import { createTestPlayer } from "@pitboss/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { createFundedPlayer } from "../../testing/wallet";
import { addDemoCredits, demoCreditMinor } from "./add-demo-credits";
import { holdWithdrawal, payOutWithdrawal } from "./payment-movements";

const deps = createTestDeps();
afterAll(() => deps.db.close());

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "NO_ERROR",
    (error: unknown) => {
      const cause = (error as { cause?: unknown }).cause;
      return isDomainError(error) ? error.code : isDomainError(cause) ? cause.code : "UNKNOWN";
    },
  );

const verified = async (currency: "EUR" | "BRL" = "EUR") => {
  const player = await createTestPlayer(deps.db, { currency });
  await deps.db.prisma.player.update({ where: { id: player.id }, data: { emailVerifiedAt: new Date() } });
  return player;
};

describe("demo credits", () => {
  it("deposits once per key, only for a verified email and only in demo mode", async () => {
    const player = await verified("BRL");
    const caller = createTestCaller(deps, { playerId: player.id, app: "web" });
    const key = randomUUID();
    const first = await addDemoCredits(deps, { playerId: player.id, idempotencyKey: key, isDemoMode: true });
    const again = await addDemoCredits(deps, { playerId: player.id, idempotencyKey: key, isDemoMode: true });
    expect(again).toMatchObject({ txnId: first.txnId, isReplay: true });
    expect((await caller.wallet.summary()).cashMinor).toBe(demoCreditMinor.BRL);
    expect(
      await codeOf(addDemoCredits(deps, { playerId: player.id, idempotencyKey: randomUUID(), isDemoMode: false })),
    ).toBe("FORBIDDEN");

    const unverified = await createTestPlayer(deps.db);
    expect(
      await codeOf(addDemoCredits(deps, { playerId: unverified.id, idempotencyKey: randomUUID(), isDemoMode: true })),
    ).toBe("EMAIL_NOT_VERIFIED");
  });
});

describe("wallet summary and transactions", () => {
  it("shows balances, lifetime net deposits and a filtered statement scoped to the player", async () => {
    const player = await createFundedPlayer(deps, 20_000n);
    const paymentId = `pay_${randomUUID()}`;
    const movement = { playerId: player.id, currency: "EUR", amountMinor: 5_000n, provider: "test-psp", paymentId };
    await holdWithdrawal(deps, { ...movement, idempotencyKey: randomUUID() });
    await payOutWithdrawal(deps, { ...movement, amountMinor: 2_000n, idempotencyKey: randomUUID() });
    const caller = createTestCaller(deps, { playerId: player.id, app: "web" });

    expect(await caller.wallet.summary()).toMatchObject({
      currency: "EUR",
      cashMinor: 15_000n,
      bonusMinor: 0n,
      pendingWithdrawalMinor: 3_000n,
      depositsMinor: 20_000n,
      withdrawalsMinor: 2_000n,
      netDepositsMinor: 18_000n,
    });

    const all = await caller.wallet.transactions({});
    expect(all.items.map((i) => i.kind)).toEqual(["WITHDRAWAL_HOLD", "DEPOSIT"]);
    const deposits = await caller.wallet.transactions({ kinds: ["DEPOSIT"] });
    expect(deposits.items).toHaveLength(1);
    expect(deposits.items[0]?.amountMinor).toBe(20_000n);
    const future = await caller.wallet.transactions({ from: new Date(Date.now() + 60_000) });
    expect(future.items).toEqual([]);

    const { csv } = await caller.wallet.exportCsv({});
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("time_utc,transaction_id,kind,account,amount,balance_after,currency,round_id");
    expect(lines[1]).toContain(",WITHDRAWAL_HOLD,CASH,-50.00,150.00,EUR,");
    expect(lines[2]).toContain(",DEPOSIT,CASH,200.00,200.00,EUR,");

    // Another player sees none of it.
    const other = await createFundedPlayer(deps, 0n);
    expect((await createTestCaller(deps, { playerId: other.id, app: "web" }).wallet.transactions({})).items).toEqual(
      [],
    );
  });
});

describe("lobby", () => {
  it("toggles favourites and lists the catalogue with facets", async () => {
    const player = await createFundedPlayer(deps, 0n);
    const caller = createTestCaller(deps, { playerId: player.id, app: "web" });
    await deps.db.prisma.game.createMany({
      data: [
        {
          id: deps.newId("game"),
          slug: "lobby-test-game",
          name: "Lobby Test",
          provider: "pitboss",
          category: "originals",
          rtpBps: 9900,
        },
      ],
      skipDuplicates: true,
    });
    expect(await caller.lobby.toggleFavourite({ slug: "lobby-test-game" })).toEqual({
      slug: "lobby-test-game",
      isFavourite: true,
    });
    expect((await caller.lobby.personal()).favourites).toEqual(["lobby-test-game"]);
    await caller.lobby.toggleFavourite({ slug: "lobby-test-game" });
    expect((await caller.lobby.personal()).favourites).toEqual([]);
    const catalog = await createTestCaller(deps).lobby.catalog();
    expect(catalog.categories).toContain("originals");
    expect(catalog.providers).toContain("pitboss");
    expect(await codeOf(caller.lobby.toggleFavourite({ slug: "no-such-game" }))).toBe("NOT_FOUND");
  });
});
