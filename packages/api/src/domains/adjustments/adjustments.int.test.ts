import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { adjustmentRequest } from "../../testing/adjustments";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { auditRowsWhere, domainCodeOf, signInTestStaff } from "../../testing/staff";
import { balanceOf, createFundedPlayer, expectLedgerInvariants } from "../../testing/wallet";

// Four-eyes above 100.00 EUR; no threshold at all for USD (always four-eyes).
const deps = { ...createTestDeps(), staffSettings: { adjustmentApprovalAbove: { EUR: 10_000n } } };
afterEach(() => expectLedgerInvariants(deps));
afterAll(() => deps.db.close());

const cashOf = (playerId: string, currency = "EUR") => balanceOf(deps, playerId, "CASH", currency);
const request = adjustmentRequest;
const callerFor = (staff: Awaited<ReturnType<typeof signInTestStaff>>) =>
  createTestCaller(deps, { app: "admin", staff: staff.staff });

describe("manual adjustments", () => {
  it("never counts the creator of an account and that account as each other's second approver", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const admin = await signInTestStaff(deps, ["ADMIN"]);
    // What an admin could do alone: create a FINANCE account for an address they control, then approve with it.
    const created = await signInTestStaff(deps, ["FINANCE"], { createdBy: admin.id });
    const independent = await signInTestStaff(deps, ["FINANCE"]);

    const byAdmin = await callerFor(admin).admin.adjustment.create(request(player.id, "500.00"));
    const byCreated = await callerFor(created).admin.adjustment.create(request(player.id, "600.00"));
    // The queue offers the decision only to whom the server will let decide.
    const decidable = async (viewer: typeof admin) =>
      Object.fromEntries(
        (await callerFor(viewer).admin.adjustment.list({ playerId: player.id })).map((a) => [a.id, a.canDecide]),
      );
    expect(await decidable(created)).toEqual({ [byAdmin.id]: false, [byCreated.id]: false });
    expect(await decidable(admin)).toEqual({ [byAdmin.id]: false, [byCreated.id]: false });
    expect(await decidable(independent)).toEqual({ [byAdmin.id]: true, [byCreated.id]: true });
    expect(await domainCodeOf(callerFor(created).admin.adjustment.approve({ adjustmentId: byAdmin.id }))).toBe(
      "SELF_APPROVAL",
    );
    expect(await domainCodeOf(callerFor(admin).admin.adjustment.approve({ adjustmentId: byCreated.id }))).toBe(
      "SELF_APPROVAL",
    );
    expect(await cashOf(player.id)).toBe(1_000n);

    await callerFor(independent).admin.adjustment.approve({ adjustmentId: byAdmin.id });
    expect(await cashOf(player.id)).toBe(1_000n + 50_000n);
    for (const refused of [created, admin]) {
      const denied = await auditRowsWhere(deps, { actorId: refused.id, outcome: "DENIED" });
      expect(denied.map((r) => r.errorCode)).toEqual(["SELF_APPROVAL"]);
    }
  });

  it("posts an adjustment at or below the threshold at once, through the ledger", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const finance = await signInTestStaff(deps, ["FINANCE"]);
    const result = await callerFor(finance).admin.adjustment.create(request(player.id, "100.00"));
    expect(result).toMatchObject({ status: "EXECUTED", requiresApproval: false, amountMinor: 10_000n, exponent: 2 });
    expect(await cashOf(player.id)).toBe(11_000n);
    const txn = await deps.db.prisma.ledgerTransaction.findUniqueOrThrow({ where: { id: result.txnId as string } });
    expect(txn.kind).toBe("ADJUSTMENT");
    expect(txn.metadata).toMatchObject({ adjustmentId: result.id, reasonCode: "GOODWILL" });
    const actions = (await auditRowsWhere(deps, { targetId: player.id })).map((r) => r.action);
    expect(actions).toEqual(["wallet.adjustment.request", "wallet.adjustment.execute"]);
  });

  it("needs a second FINANCE or ADMIN user above the threshold: self-approval refused, money moves once", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const requester = await signInTestStaff(deps, ["FINANCE"]);
    const approver = await signInTestStaff(deps, ["FINANCE"]);
    const admin = await signInTestStaff(deps, ["ADMIN"]);
    const pending = await callerFor(requester).admin.adjustment.create(request(player.id, "500.01"));
    expect(pending).toMatchObject({ status: "PENDING", requiresApproval: true, canDecide: false });
    expect(await cashOf(player.id)).toBe(1_000n);

    expect(await domainCodeOf(callerFor(requester).admin.adjustment.approve({ adjustmentId: pending.id }))).toBe(
      "SELF_APPROVAL",
    );
    expect(await domainCodeOf(callerFor(requester).admin.adjustment.reject({ adjustmentId: pending.id }))).toBe(
      "SELF_APPROVAL",
    );
    expect(await cashOf(player.id)).toBe(1_000n);

    // Two approvers racing, then a retry: one ledger transaction.
    const results = await Promise.all([
      callerFor(approver).admin.adjustment.approve({ adjustmentId: pending.id, note: "checked the ticket" }),
      callerFor(admin).admin.adjustment.approve({ adjustmentId: pending.id }),
    ]);
    const again = await callerFor(approver).admin.adjustment.approve({ adjustmentId: pending.id });
    expect(new Set([...results, again].map((r) => r.txnId)).size).toBe(1);
    expect(again).toMatchObject({ status: "EXECUTED", isReplay: true });
    expect(await cashOf(player.id)).toBe(1_000n + 50_001n);
    expect(await deps.db.prisma.ledgerTransaction.count({ where: { playerId: player.id, kind: "ADJUSTMENT" } })).toBe(
      1,
    );

    const trail = await auditRowsWhere(deps, { targetId: player.id });
    expect(trail.map((r) => `${r.action}:${r.outcome}`)).toEqual([
      "wallet.adjustment.request:SUCCESS",
      "wallet.adjustment.approve:SUCCESS",
      "wallet.adjustment.execute:SUCCESS",
    ]);
    const denied = await auditRowsWhere(deps, { targetId: pending.id, outcome: "DENIED" });
    expect(denied.map((r) => [r.actorId, r.action, r.errorCode])).toEqual([
      [requester.id, "admin.adjustment.approve", "SELF_APPROVAL"],
      [requester.id, "admin.adjustment.reject", "SELF_APPROVAL"],
    ]);
  });

  it("always needs approval in a currency without a threshold", async () => {
    const player = await createFundedPlayer(deps, 0n, "USD");
    const finance = await signInTestStaff(deps, ["FINANCE"]);
    const result = await callerFor(finance).admin.adjustment.create(request(player.id, "0.01", { currency: "USD" }));
    expect(result.status).toBe("PENDING");
  });

  it("rejects, after which approval is a conflict and nothing moved", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const requester = await signInTestStaff(deps, ["FINANCE"]);
    const checker = await signInTestStaff(deps, ["FINANCE"]);
    const pending = await callerFor(requester).admin.adjustment.create(
      request(player.id, "-500.00", { reasonCode: "FRAUD_RECOVERY" }),
    );
    expect(
      (await callerFor(checker).admin.adjustment.reject({ adjustmentId: pending.id, note: "no evidence" })).status,
    ).toBe("REJECTED");
    expect((await callerFor(checker).admin.adjustment.reject({ adjustmentId: pending.id })).isReplay).toBe(true);
    expect(await domainCodeOf(callerFor(checker).admin.adjustment.approve({ adjustmentId: pending.id }))).toBe(
      "CONFLICT",
    );
    expect(await cashOf(player.id)).toBe(1_000n);
  });

  it("ends FAILED when the ledger refuses a debit larger than the balance, and moves nothing", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const finance = await signInTestStaff(deps, ["FINANCE"]);
    const result = await callerFor(finance).admin.adjustment.create(
      request(player.id, "-20.00", { reasonCode: "CHARGEBACK" }),
    );
    expect(result).toMatchObject({ status: "FAILED", failureCode: "INSUFFICIENT_FUNDS", txnId: null });
    expect(await cashOf(player.id)).toBe(1_000n);
    const execute = await auditRowsWhere(deps, { targetId: player.id, action: "wallet.adjustment.execute" });
    expect(execute.map((r) => [r.outcome, r.errorCode])).toEqual([["DENIED", "INSUFFICIENT_FUNDS"]]);
  });

  it("returns the first request for a repeated key and refuses the key for another request", async () => {
    const player = await createFundedPlayer(deps, 0n);
    const finance = await signInTestStaff(deps, ["FINANCE"]);
    const input = request(player.id, "10.00");
    const [first, second] = await Promise.all([
      callerFor(finance).admin.adjustment.create(input),
      callerFor(finance).admin.adjustment.create(input),
    ]);
    expect(first?.id).toBe(second?.id);
    expect(await cashOf(player.id)).toBe(1_000n);
    expect(await domainCodeOf(callerFor(finance).admin.adjustment.create({ ...input, amount: "11.00" }))).toBe(
      "IDEMPOTENCY_KEY_REUSED",
    );
    expect(
      await domainCodeOf(
        callerFor(finance).admin.adjustment.create({ ...input, idempotencyKey: randomUUID(), amount: "0.001" }),
      ),
    ).toBe("INVALID_AMOUNT");
    expect(
      await domainCodeOf(
        callerFor(finance).admin.adjustment.create({ ...input, idempotencyKey: randomUUID(), amount: "0" }),
      ),
    ).toBe("INVALID_AMOUNT");
  });

  it("lists the queue with what the viewer may decide", async () => {
    const player = await createFundedPlayer(deps, 0n);
    const requester = await signInTestStaff(deps, ["FINANCE"]);
    const other = await signInTestStaff(deps, ["FINANCE"]);
    const pending = await callerFor(requester).admin.adjustment.create(request(player.id, "1000.00"));
    const mine = await callerFor(requester).admin.adjustment.list({ playerId: player.id });
    const theirs = await callerFor(other).admin.adjustment.list({ status: "PENDING" });
    expect(mine.map((a) => [a.id, a.canDecide, a.isOwnRequest])).toEqual([[pending.id, false, true]]);
    expect(theirs.find((a) => a.id === pending.id)?.canDecide).toBe(true);
    const home = await callerFor(other).admin.home.get();
    expect(home.queues.pendingAdjustments).toBeGreaterThanOrEqual(1);
  });
});
