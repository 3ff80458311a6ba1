import { afterAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { signInTestStaff } from "../../testing/staff";
import { createFundedPlayer } from "../../testing/wallet";
import { debitStake } from "../wallet/debit-stake";

const deps = createTestDeps();
afterAll(() => deps.db.close());

describe("back office home", () => {
  it("counts today's deposits, GGR and active players, and shows queues by permission", async () => {
    const support = createTestCaller(deps, { app: "admin", staff: (await signInTestStaff(deps, ["SUPPORT"])).staff });
    const before = await support.admin.home.get();
    const player = await createFundedPlayer(deps, 7_000n, "GBP");
    await debitStake(deps, {
      playerId: player.id,
      currency: "GBP",
      amountMinor: 300n,
      houseScope: "pitboss",
      idempotencyKey: `home-${player.id}`,
    });
    const after = await support.admin.home.get();
    const gbp = (home: typeof after) => home.figures.find((f) => f.currency === "GBP");
    expect((gbp(after)?.deposits.amountMinor ?? 0n) - (gbp(before)?.deposits.amountMinor ?? 0n)).toBe(7_000n);
    expect((gbp(after)?.deposits.count ?? 0) - (gbp(before)?.deposits.count ?? 0)).toBe(1);
    expect((gbp(after)?.ggrMinor ?? 0n) - (gbp(before)?.ggrMinor ?? 0n)).toBe(300n);
    expect(after.activePlayers).toBeGreaterThanOrEqual(1);
    expect(after.queues).toEqual({ pendingAdjustments: null, pendingRoleRequests: null });

    const admin = createTestCaller(deps, { app: "admin", staff: (await signInTestStaff(deps, ["ADMIN"])).staff });
    const queues = (await admin.admin.home.get()).queues;
    expect(typeof queues.pendingAdjustments).toBe("number");
    expect(typeof queues.pendingRoleRequests).toBe("number");
  });
});
