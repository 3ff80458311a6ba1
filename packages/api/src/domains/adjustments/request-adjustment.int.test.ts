import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../../deps";
import { adjustmentRequest } from "../../testing/adjustments";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { auditRowsWhere, signInTestStaff } from "../../testing/staff";
import { balanceOf, createFundedPlayer, expectLedgerInvariants } from "../../testing/wallet";

// Four-eyes above 100.00 EUR and 100.00 GBP.
const deps = { ...createTestDeps(), staffSettings: { adjustmentApprovalAbove: { EUR: 10_000n, GBP: 10_000n } } };
afterEach(() => expectLedgerInvariants(deps));
afterAll(() => deps.db.close());

type Staff = Awaited<ReturnType<typeof signInTestStaff>>;
const hour = 60 * 60 * 1000;

const callerFor = (staff: Staff, over: ServiceDeps = deps) =>
  createTestCaller(over, { app: "admin", staff: staff.staff });
const request = (playerId: string, amount: string, currency = "EUR") =>
  adjustmentRequest(playerId, amount, { currency });
const cashOf = (playerId: string, currency = "EUR") => balanceOf(deps, playerId, "CASH", currency);
const countOf = (statuses: string[], status: string) => statuses.filter((s) => s === status).length;

describe("the four-eyes threshold counts what the requester already adjusted for the player in 24 hours", () => {
  it("sequential splits: ten times 100.00 EUR executes once, the other nine wait for a second approver", async () => {
    const player = await createFundedPlayer(deps, 0n);
    const finance = await signInTestStaff(deps, ["FINANCE"]);
    const statuses: string[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await callerFor(finance).admin.adjustment.create(request(player.id, "100.00"))).status);
    }
    expect(statuses).toEqual(["EXECUTED", ...Array(9).fill("PENDING")]);
    expect(await cashOf(player.id)).toBe(10_000n);
    const requests = await auditRowsWhere(deps, { targetId: player.id, action: "wallet.adjustment.request" });
    expect(
      requests.map((r) => (r.after as { adjustedInWindowMinor: string }).adjustedInWindowMinor).slice(0, 3),
    ).toEqual(["0", "10000", "20000"]);
  });

  it("counts absolute amounts, pending requests included, and needs approval once the running total passes", async () => {
    const player = await createFundedPlayer(deps, 10_000n);
    const finance = await signInTestStaff(deps, ["FINANCE"]);
    const create = (amount: string) => callerFor(finance).admin.adjustment.create(request(player.id, amount));
    expect((await create("60.00")).status).toBe("EXECUTED");
    // A debit does not offset a credit: 60.00 + |-40.00| = 100.00 is still at the threshold…
    expect((await create("-40.00")).status).toBe("EXECUTED");
    // …and one more cent is over it.
    expect((await create("0.01")).status).toBe("PENDING");
    // The pending 0.01 counts too, so the next small one also waits.
    expect((await create("0.01")).status).toBe("PENDING");
    expect(await cashOf(player.id)).toBe(10_000n + 6_000n - 4_000n);
  });

  it("starts from zero for another requester, another player, another currency, and after 24 hours", async () => {
    const player = await createFundedPlayer(deps, 0n);
    const otherPlayer = await createFundedPlayer(deps, 0n);
    const finance = await signInTestStaff(deps, ["FINANCE"]);
    const colleague = await signInTestStaff(deps, ["FINANCE"]);
    expect((await callerFor(finance).admin.adjustment.create(request(player.id, "100.00"))).status).toBe("EXECUTED");

    expect((await callerFor(colleague).admin.adjustment.create(request(player.id, "100.00"))).status).toBe("EXECUTED");
    expect((await callerFor(finance).admin.adjustment.create(request(otherPlayer.id, "100.00"))).status).toBe(
      "EXECUTED",
    );
    expect((await callerFor(finance).admin.adjustment.create(request(player.id, "100.00", "GBP"))).status).toBe(
      "EXECUTED",
    );

    const later = (ms: number): ServiceDeps => ({ ...deps, now: () => new Date(Date.now() + ms) });
    expect(
      (await callerFor(finance, later(23 * hour)).admin.adjustment.create(request(player.id, "0.01"))).status,
    ).toBe("PENDING");
    // 25 hours on, only the 0.01 requested "at 23 hours" is still inside the window.
    expect(
      (await callerFor(finance, later(25 * hour)).admin.adjustment.create(request(player.id, "99.99"))).status,
    ).toBe("EXECUTED");
  });

  it("does not count rejected requests or refused debits, where nothing moved", async () => {
    const player = await createFundedPlayer(deps, 0n);
    const finance = await signInTestStaff(deps, ["FINANCE"]);
    const checker = await signInTestStaff(deps, ["FINANCE"]);
    const pending = await callerFor(finance).admin.adjustment.create(request(player.id, "500.00"));
    await callerFor(checker).admin.adjustment.reject({ adjustmentId: pending.id, note: "no ticket" });
    expect((await callerFor(finance).admin.adjustment.create(request(player.id, "-50.00"))).status).toBe("FAILED");
    expect((await callerFor(finance).admin.adjustment.create(request(player.id, "100.00"))).status).toBe("EXECUTED");
  });

  it("parallel splits: of ten concurrent 30.00 EUR requests exactly three execute (90.00), seven wait", async () => {
    const player = await createFundedPlayer(deps, 0n);
    const finance = await signInTestStaff(deps, ["FINANCE"]);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => callerFor(finance).admin.adjustment.create(request(player.id, "30.00"))),
    );
    const statuses = results.map((r) => r.status);
    expect(countOf(statuses, "EXECUTED")).toBe(3);
    expect(countOf(statuses, "PENDING")).toBe(7);
    expect(results.filter((r) => r.status === "PENDING").every((r) => r.requiresApproval)).toBe(true);
    expect(await cashOf(player.id)).toBe(9_000n);
  });

  it("parallel splits: of ten concurrent 100.00 EUR requests exactly one executes", async () => {
    const player = await createFundedPlayer(deps, 0n);
    const finance = await signInTestStaff(deps, ["FINANCE"]);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => callerFor(finance).admin.adjustment.create(request(player.id, "100.00"))),
    );
    expect(
      countOf(
        results.map((r) => r.status),
        "EXECUTED",
      ),
    ).toBe(1);
    expect(await cashOf(player.id)).toBe(10_000n);
  });
});
