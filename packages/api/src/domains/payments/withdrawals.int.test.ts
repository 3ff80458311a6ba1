import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestDeps } from "../../testing/context";
import {
  balanceOf,
  configureCashier,
  configurePaymentRouting,
  createCashierPlayer,
  startPaymentsHarness,
  withRevokedProviderKey,
} from "../../testing/payments";
import { auditRowsWhere, domainCodeOf, signInTestStaff } from "../../testing/staff";
import { expectLedgerInvariants } from "../../testing/wallet";
import { checkPayouts } from "./check-payouts";

// This file's own jurisdictions: XW (cancelling allowed by default) and GB (no cancelling). Withdrawals here go by
// bank (instabank), so this file never disturbs the card providers' health another file's failover test watches.
const country = "XW";
const base = createTestDeps();
let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;

beforeAll(async () => {
  harness = await startPaymentsHarness(base);
  await configurePaymentRouting(base, { EUR: 10_000n, GBP: 10_000n });
  await configureCashier(base, country, "EUR");
  await configureCashier(base, "GB", "GBP");
  await base.db.prisma.paymentJurisdiction.upsert({
    where: { country: "GB" },
    create: { country: "GB", canCancelWithdrawal: false },
    update: { canCancelWithdrawal: false },
  });
});
afterEach(async () => {
  harness.sandbox.control("instabank", { mode: "ok" });
  await expectLedgerInvariants(base);
});
afterAll(async () => {
  await harness.close();
  await base.db.close();
});

const cashier = (playerId: string) => createTestCaller(harness.deps, { app: "web", playerId }).cashier;
const withdraw = (playerId: string, amount: string, currency = "EUR") =>
  cashier(playerId).withdraw({ method: "BANK_TRANSFER", amount, currency, idempotencyKey: randomUUID() });
const finance = async () => {
  const { staff } = await signInTestStaff(harness.deps, ["FINANCE"]);
  return { id: staff.id, payments: createTestCaller(harness.deps, { app: "admin", staff }).admin.payments };
};
const paymentOf = (paymentId: string) => harness.deps.db.prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });
const ledgerKindsOf = async (paymentId: string) =>
  (
    await harness.deps.db.prisma.ledgerTransaction.findMany({
      where: { paymentId },
      orderBy: { createdAt: "asc" },
      select: { kind: true },
    })
  ).map((t) => t.kind);
const money = async (playerId: string, currency = "EUR") => ({
  cash: await balanceOf(base, playerId, "CASH", currency),
  pending: await balanceOf(base, playerId, "WITHDRAWAL_PENDING", currency),
});

describe("withdrawal requests", () => {
  it("pays at once up to the auto-approval amount; above it the funds wait locked in the finance queue", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 50_000n);
    const small = await withdraw(player.id, "100.00");
    expect(small).toMatchObject({ status: "PAID", provider: "instabank", amountMinor: 10_000n, reasonCode: null });
    expect(await ledgerKindsOf(small.id)).toEqual(["WITHDRAWAL_HOLD", "WITHDRAWAL_PAYOUT"]);

    const large = await withdraw(player.id, "100.01");
    expect(large).toMatchObject({ status: "AWAITING_APPROVAL", reasonCode: "ABOVE_AUTO_APPROVAL", canCancel: true });
    // The money is out of the player's cash (it can no longer be staked) but not paid yet.
    expect(await money(player.id)).toEqual({ cash: 29_999n, pending: 10_001n });

    const staff = await finance();
    const queue = await staff.payments.queue();
    expect(queue.find((p) => p.id === large.id)).toMatchObject({ playerId: player.id, status: "AWAITING_APPROVAL" });
    const approved = await staff.payments.approve({ paymentId: large.id, note: "documents checked" });
    expect(approved).toMatchObject({ status: "PAID", reasonCode: null });
    expect(await money(player.id)).toEqual({ cash: 29_999n, pending: 0n });
    // Approving again changes nothing.
    expect((await staff.payments.approve({ paymentId: large.id })).status).toBe("PAID");
    expect(await ledgerKindsOf(large.id)).toEqual(["WITHDRAWAL_HOLD", "WITHDRAWAL_PAYOUT"]);
    const audit = await auditRowsWhere(harness.deps, { targetId: large.id });
    expect(audit.map((r) => [r.action, r.actorId, r.reason])).toEqual([
      ["payments.withdrawal.approve", staff.id, "documents checked"],
    ]);
    const detail = await staff.payments.detail({ paymentId: large.id });
    expect(detail.transitions.map((t) => `${t.from ?? "∅"}→${t.to}`)).toEqual([
      "∅→REQUESTED",
      "REQUESTED→AWAITING_APPROVAL",
      "AWAITING_APPROVAL→APPROVED",
      "APPROVED→PROCESSING",
      "PROCESSING→PAID",
    ]);
    expect(detail.transitions[2]?.actor).toBe(`staff:${staff.id}`);
  });

  it("lets only one of two concurrent withdrawals of the whole balance through", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 30_000n);
    const results = await Promise.allSettled([withdraw(player.id, "300.00"), withdraw(player.id, "300.00")]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(await domainCodeOf(Promise.reject(refused.reason))).toBe("INSUFFICIENT_FUNDS");
    expect(await harness.deps.db.prisma.payment.count({ where: { playerId: player.id } })).toBe(1);
    expect(await money(player.id)).toEqual({ cash: 0n, pending: 30_000n });
  });

  it("returns the first request for a repeated key", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 30_000n);
    const input = { method: "BANK_TRANSFER" as const, amount: "150.00", currency: "EUR", idempotencyKey: randomUUID() };
    const [first, second] = await Promise.all([cashier(player.id).withdraw(input), cashier(player.id).withdraw(input)]);
    expect(second.id).toBe(first.id);
    expect(await money(player.id)).toEqual({ cash: 15_000n, pending: 15_000n });
  });
});

describe("finance decisions", () => {
  it("rejects with a reason the player sees and gives the funds back", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    const pending = await withdraw(player.id, "250.00");
    const staff = await finance();
    const rejected = await staff.payments.reject({
      paymentId: pending.id,
      reasonCode: "REJECTED_KYC_REQUIRED",
      note: "no proof of address yet",
    });
    expect(rejected).toMatchObject({ status: "REJECTED", reasonCode: "REJECTED_KYC_REQUIRED", canCancel: false });
    expect(await cashier(player.id).payment({ paymentId: pending.id })).toMatchObject({
      status: "REJECTED",
      reasonCode: "REJECTED_KYC_REQUIRED",
    });
    expect(await money(player.id)).toEqual({ cash: 40_000n, pending: 0n });
    expect(await domainCodeOf(staff.payments.approve({ paymentId: pending.id }))).toBe("CONFLICT");
    expect(await ledgerKindsOf(pending.id)).toEqual(["WITHDRAWAL_HOLD", "WITHDRAWAL_RELEASE"]);
  });

  it("is refused to roles without the permission, and the refusal is audited", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    const pending = await withdraw(player.id, "250.00");
    const { staff } = await signInTestStaff(harness.deps, ["AUDITOR"]);
    const auditor = createTestCaller(harness.deps, { app: "admin", staff }).admin.payments;
    expect((await auditor.detail({ paymentId: pending.id })).payment.status).toBe("AWAITING_APPROVAL");
    expect(await domainCodeOf(auditor.approve({ paymentId: pending.id }))).toBe("FORBIDDEN");
    expect((await paymentOf(pending.id)).status).toBe("AWAITING_APPROVAL");
    const denied = await auditRowsWhere(harness.deps, { actorId: staff.id, outcome: "DENIED" });
    expect(denied.map((r) => r.action)).toEqual(["admin.payments.approve"]);
  });
});

describe("cancellation", () => {
  it("lets the player cancel a pending withdrawal, funds back, once", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    const pending = await withdraw(player.id, "200.00");
    const [first, second] = await Promise.all([
      cashier(player.id).cancelWithdrawal({ paymentId: pending.id }),
      cashier(player.id).cancelWithdrawal({ paymentId: pending.id }),
    ]);
    expect([first.status, second.status]).toEqual(["CANCELLED", "CANCELLED"]);
    expect(first.reasonCode).toBe("CANCELLED_BY_PLAYER");
    expect(await money(player.id)).toEqual({ cash: 40_000n, pending: 0n });
    expect(await ledgerKindsOf(pending.id)).toEqual(["WITHDRAWAL_HOLD", "WITHDRAWAL_RELEASE"]);
    // Someone else's withdrawal reads as not found.
    const other = await createCashierPlayer(base, country);
    expect(await domainCodeOf(cashier(other.id).cancelWithdrawal({ paymentId: pending.id }))).toBe("NOT_FOUND");
  });

  it("refuses it where the jurisdiction forbids cancelling (GB), and once the payout has started", async () => {
    const briton = await createCashierPlayer(base, "GB", "GBP", 40_000n);
    const pending = await withdraw(briton.id, "200.00", "GBP");
    expect(pending.canCancel).toBe(false);
    expect(await domainCodeOf(cashier(briton.id).cancelWithdrawal({ paymentId: pending.id }))).toBe(
      "WITHDRAWAL_NOT_CANCELLABLE",
    );
    expect((await paymentOf(pending.id)).status).toBe("AWAITING_APPROVAL");
    expect(await money(briton.id, "GBP")).toEqual({ cash: 20_000n, pending: 20_000n });

    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    const paid = await withdraw(player.id, "20.00");
    expect(paid.status).toBe("PAID");
    expect(await domainCodeOf(cashier(player.id).cancelWithdrawal({ paymentId: paid.id }))).toBe(
      "WITHDRAWAL_NOT_CANCELLABLE",
    );
  });
});

describe("payouts with an unknown outcome", () => {
  it("holds the payout on a provider 5xx, never refunds it by itself, and the payout check learns it failed", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    harness.sandbox.control("instabank", { mode: "error500" });
    const held = await withdraw(player.id, "50.00");
    expect(held).toMatchObject({ status: "HELD", reasonCode: "PROVIDER_ERROR", canCancel: false });
    expect(await money(player.id)).toEqual({ cash: 35_000n, pending: 5_000n });
    expect(await domainCodeOf(cashier(player.id).cancelWithdrawal({ paymentId: held.id }))).toBe(
      "WITHDRAWAL_NOT_CANCELLABLE",
    );
    harness.sandbox.control("instabank", { mode: "ok" });
    // The provider recorded that payout as failed: reconciliation releases the funds, once.
    await checkPayouts(harness.deps);
    await checkPayouts(harness.deps);
    const resolved = await paymentOf(held.id);
    expect([resolved.status, resolved.reasonCode]).toEqual(["FAILED", "PROVIDER_ERROR"]);
    expect(await money(player.id)).toEqual({ cash: 40_000n, pending: 0n });
    expect(await ledgerKindsOf(held.id)).toEqual(["WITHDRAWAL_HOLD", "WITHDRAWAL_RELEASE"]);
  });

  it("holds the payout on a timeout; the payout check finds it paid and books it once", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    harness.sandbox.control("instabank", { mode: "timeout" });
    const held = await withdraw(player.id, "60.00");
    expect(held).toMatchObject({ status: "HELD", reasonCode: "PROVIDER_TIMEOUT" });
    expect(await money(player.id)).toEqual({ cash: 34_000n, pending: 6_000n });
    harness.sandbox.control("instabank", { mode: "ok" });
    await Promise.all([checkPayouts(harness.deps), checkPayouts(harness.deps)]);
    expect((await paymentOf(held.id)).status).toBe("PAID");
    expect(await money(player.id)).toEqual({ cash: 34_000n, pending: 0n });
    expect(await ledgerKindsOf(held.id)).toEqual(["WITHDRAWAL_HOLD", "WITHDRAWAL_PAYOUT"]);
  });

  it("is resolved exactly once when finance and the payout check race, or two finance users do", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    const [alice, bob] = await Promise.all([finance(), finance()]);
    const heldWithdrawal = async (amount: string) => {
      harness.sandbox.control("instabank", { mode: "timeout" });
      try {
        const held = await withdraw(player.id, amount);
        expect(held.status).toBe("HELD");
        return held;
      } finally {
        harness.sandbox.control("instabank", { mode: "ok" });
      }
    };

    // Finance says failed while the job (the provider paid it) says paid: one of them wins, the other changes nothing.
    const first = await heldWithdrawal("70.00");
    const [byFinance] = await Promise.allSettled([
      alice.payments.resolveHeld({ paymentId: first.id, outcome: "FAILED", note: "bank says it bounced" }),
      checkPayouts(harness.deps),
    ]);
    const firstNow = await paymentOf(first.id);
    expect(["PAID", "FAILED"]).toContain(firstNow.status);
    expect(byFinance.status).toBe(firstNow.status === "FAILED" ? "fulfilled" : "rejected");
    expect(await ledgerKindsOf(first.id)).toEqual([
      "WITHDRAWAL_HOLD",
      firstNow.status === "PAID" ? "WITHDRAWAL_PAYOUT" : "WITHDRAWAL_RELEASE",
    ]);

    // Two finance users at once with different answers: one effect, the other is told it conflicts.
    const second = await heldWithdrawal("80.00");
    const answers = await Promise.allSettled([
      alice.payments.resolveHeld({ paymentId: second.id, outcome: "PAID", note: "provider portal shows paid" }),
      bob.payments.resolveHeld({ paymentId: second.id, outcome: "FAILED", note: "looks failed to me" }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = answers.find((a) => a.status === "rejected") as PromiseRejectedResult;
    expect(await domainCodeOf(Promise.reject(refusal.reason))).toBe("CONFLICT");
    const secondNow = await paymentOf(second.id);
    expect(await ledgerKindsOf(second.id)).toEqual([
      "WITHDRAWAL_HOLD",
      secondNow.status === "PAID" ? "WITHDRAWAL_PAYOUT" : "WITHDRAWAL_RELEASE",
    ]);
    // The same answer again is not a conflict: it returns the payout as it is.
    expect(
      (await alice.payments.resolveHeld({ paymentId: second.id, outcome: secondNow.status as "PAID", note: "again" }))
        .status,
    ).toBe(secondNow.status);
    expect(await balanceOf(base, player.id, "WITHDRAWAL_PENDING")).toBe(0n);
    const audit = await auditRowsWhere(harness.deps, { targetId: second.id, action: "payments.held.resolve" });
    expect(audit).toHaveLength(1);
  });
  it("leaves the payout held when its lookup is refused, counting the refusal as the provider answering", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    harness.sandbox.control("instabank", { mode: "error500" });
    const held = await withdraw(player.id, "55.00");
    expect(held.status).toBe("HELD");
    harness.sandbox.control("instabank", { mode: "ok" });
    // Every lookup is answered 401, a definite no. Only HELD payouts are taken up (a year before anything counts as
    // stalled), so nothing is sent with the revoked key.
    const revokedKey = withRevokedProviderKey(harness.deps, harness.sandbox.url);
    const revoked = {
      ...revokedKey,
      paymentSettings: { ...revokedKey.paymentSettings, payoutRecheckAfterMs: 365 * 24 * 3_600_000 },
    };
    const askedAt = Date.now();
    await checkPayouts(revoked);
    expect((await paymentOf(held.id)).status).toBe("HELD");
    expect(await money(player.id)).toEqual({ cash: 34_500n, pending: 5_500n });
    const health = await harness.deps.db.prisma.paymentProviderHealth.findUniqueOrThrow({
      where: { provider: "instabank" },
    });
    expect(health.lastSuccessAt?.getTime()).toBeGreaterThanOrEqual(askedAt);
    expect(health.lastError).not.toBe("REFUSED");
  });
});

describe("payout routing", () => {
  it("keeps an approved payout when no provider can be reached and sends it once one is back", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    harness.sandbox.control("instabank", { mode: "down" });
    const waiting = await withdraw(player.id, "30.00");
    expect(waiting).toMatchObject({ status: "APPROVED", reasonCode: "PROVIDER_UNAVAILABLE" });
    harness.sandbox.control("instabank", { mode: "ok" });
    const later = { ...harness.deps, paymentSettings: { ...harness.deps.paymentSettings, payoutRecheckAfterMs: 0 } };
    await checkPayouts(later);
    expect((await paymentOf(waiting.id)).status).toBe("PAID");
    expect(await money(player.id)).toEqual({ cash: 37_000n, pending: 0n });
  });
});
