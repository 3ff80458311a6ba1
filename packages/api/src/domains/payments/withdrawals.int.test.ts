import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestDeps } from "../../testing/context";
import {
  backdatePayment,
  configureCashier,
  configurePaymentRouting,
  createCashierPlayer,
  providerPayoutsOf,
  startPaymentsHarness,
  withCrashAfterPayoutClaim,
  withoutProvider,
  withProviders,
  withRevokedProviderKey,
} from "../../testing/payments";
import { auditRowsWhere, domainCodeOf, signInTestStaff } from "../../testing/staff";
import { balanceOf, expectLedgerInvariants } from "../../testing/wallet";
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
  harness.sandbox.control("instabank", { mode: "ok", pendingPayouts: false, webhookDelayMs: 20 });
  harness.dropWebhooks(false);
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
const transitionsOf = async (paymentId: string) =>
  (await harness.deps.db.prisma.paymentTransition.findMany({ where: { paymentId }, orderBy: { id: "asc" } })).map(
    (t) => `${t.fromStatus ?? "∅"}→${t.toStatus}${t.reasonCode ? `:${t.reasonCode}` : ""} by ${t.actor}`,
  );
const paidOutByInstabank = (paymentId: string) => providerPayoutsOf(harness.deps, "instabank", paymentId);

// The payout job's view of time in the tests below: a payout counts as left alone after 30 minutes, and the payouts
// a test means the job to take up are made an hour older. Nothing another test (or file) has in flight qualifies.
const hour = 60 * 60_000;
const leftAlone = (paymentId: string, ageMs = hour) => backdatePayment(base, paymentId, ageMs);
const asTheJob = <D extends typeof harness.deps>(deps: D, recheckAfterMs = 30 * 60_000): D => ({
  ...deps,
  paymentSettings: { ...deps.paymentSettings, payoutRecheckAfterMs: recheckAfterMs },
});
/** A payout paid exactly once: the cash left, nothing still pending, one hold and one payout booked, one at the bank. */
const expectPaidOnce = async (playerId: string, paymentId: string, cash: bigint) => {
  expect(await money(playerId)).toEqual({ cash, pending: 0n });
  expect(await ledgerKindsOf(paymentId)).toEqual(["WITHDRAWAL_HOLD", "WITHDRAWAL_PAYOUT"]);
  expect(await paidOutByInstabank(paymentId)).toBe(1);
};
/** A payout the provider answered `pending`: PROCESSING until its webhook (or the job) says more. */
const pendingPayout = async (playerId: string, amount: string) => {
  const sent = await withdraw(playerId, amount);
  expect(sent).toMatchObject({ status: "PROCESSING", provider: "instabank" });
  return sent;
};

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
    const revoked = asTheJob(withRevokedProviderKey(harness.deps, harness.sandbox.url), 365 * 24 * hour);
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

describe("payouts left PROCESSING, taken up again by the payout job", () => {
  it("holds, never refunds, a payout it cannot ask about after a key rotation; the late payout.paid books it", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    // The provider answers `pending` and pays three seconds later (well after the job below); its webhook comes then.
    harness.sandbox.control("instabank", { pendingPayouts: true, webhookDelayMs: 3_000 });
    const sent = await pendingPayout(player.id, "50.00");
    await leftAlone(sent.id);
    // Our API key was rotated: the provider refuses every call (401). That is no proof the payout was not paid.
    await checkPayouts(asTheJob(withRevokedProviderKey(harness.deps, harness.sandbox.url)));
    const held = await paymentOf(sent.id);
    expect([held.status, held.reasonCode]).toEqual(["HELD", "PROVIDER_ERROR"]);
    expect(await money(player.id)).toEqual({ cash: 35_000n, pending: 5_000n });
    expect((await (await finance()).payments.queue()).find((p) => p.id === sent.id)?.status).toBe("HELD");

    await harness.settle();
    expect((await paymentOf(sent.id)).status).toBe("PAID");
    await expectPaidOnce(player.id, sent.id, 35_000n);
  });

  it("asks the provider before sending again: a re-send refused (409, body changed) never refunds a paid payout", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    // The provider pays a moment after answering `pending`, and every delivery of its webhook is lost.
    harness.sandbox.control("instabank", { pendingPayouts: true });
    harness.dropWebhooks(true);
    const sent = await pendingPayout(player.id, "60.00");
    await harness.settle();
    harness.dropWebhooks(false);
    expect((await paymentOf(sent.id)).status).toBe("PROCESSING");
    await leftAlone(sent.id);
    // The site moved meanwhile: a re-send would carry another webhook URL under the same key, which the provider
    // refuses (409) although it paid the first.
    const job = asTheJob(harness.deps);
    await checkPayouts({
      ...job,
      paymentSettings: { ...job.paymentSettings, publicWebUrl: "http://127.0.0.1:9/moved" },
    });
    expect((await paymentOf(sent.id)).status).toBe("PAID");
    await expectPaidOnce(player.id, sent.id, 34_000n);
  });

  it("sends a payout whose worker died between claiming it and recording its provider", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    const crashing = createTestCaller(withCrashAfterPayoutClaim(harness.deps), { app: "web", playerId: player.id });
    await expect(
      crashing.cashier.withdraw({
        method: "BANK_TRANSFER",
        amount: "45.00",
        currency: "EUR",
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toThrow();
    const stuck = await harness.deps.db.prisma.payment.findFirstOrThrow({ where: { playerId: player.id } });
    expect(stuck).toMatchObject({ status: "PROCESSING", provider: null });
    expect(await money(player.id)).toEqual({ cash: 35_500n, pending: 4_500n });
    // Nobody could move it by hand: the player may not cancel it and finance's queue does not list it.
    expect(await domainCodeOf(cashier(player.id).cancelWithdrawal({ paymentId: stuck.id }))).toBe(
      "WITHDRAWAL_NOT_CANCELLABLE",
    );
    expect((await (await finance()).payments.queue()).some((p) => p.id === stuck.id)).toBe(false);

    await leftAlone(stuck.id);
    await checkPayouts(asTheJob(harness.deps));
    const paid = await paymentOf(stuck.id);
    expect([paid.status, paid.provider]).toEqual(["PAID", "instabank"]);
    await expectPaidOnce(player.id, stuck.id, 35_500n);
    expect((await transitionsOf(stuck.id)).slice(-3)).toEqual([
      "PROCESSING→APPROVED:PAYOUT_NOT_SENT by system:payout-check",
      "APPROVED→PROCESSING by system:payout-check",
      "PROCESSING→PAID by provider:instabank",
    ]);
  });

  it("books nothing when the provider's answer is about another amount: the payout is held for finance", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    // The provider answers the create call "paid", but for one cent more than we sent.
    const skewed = withProviders(harness.deps, (providers) =>
      providers.map((provider) => ({
        ...provider,
        createPayout: async (input) => ({
          ...(await provider.createPayout(input)),
          amountMinor: input.amountMinor + 1n,
        }),
      })),
    );
    const caller = createTestCaller(skewed, { app: "web", playerId: player.id }).cashier;
    harness.dropWebhooks(true); // only the create call's answer speaks here
    const sent = await caller.withdraw({
      method: "BANK_TRANSFER",
      amount: "40.00",
      currency: "EUR",
      idempotencyKey: randomUUID(),
    });
    await harness.settle();
    harness.dropWebhooks(false);
    const held = await paymentOf(sent.id);
    expect([held.status, held.reasonCode]).toEqual(["HELD", "PROVIDER_ERROR"]);
    expect(await money(player.id)).toEqual({ cash: 36_000n, pending: 4_000n });
    expect(await ledgerKindsOf(sent.id)).toEqual(["WITHDRAWAL_HOLD"]);
    expect((await (await finance()).payments.queue()).find((p) => p.id === sent.id)?.status).toBe("HELD");
    const history = await harness.deps.db.prisma.paymentTransition.findFirstOrThrow({
      where: { paymentId: sent.id, toStatus: "HELD" },
    });
    expect(history.note).toBe("provider reports 4001 EUR (paid), we sent 4000 EUR");
  });

  it("holds a payout whose provider is no longer configured, for finance, and books it when the provider is back", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    harness.sandbox.control("instabank", { pendingPayouts: true });
    harness.dropWebhooks(true);
    const sent = await pendingPayout(player.id, "40.00");
    await harness.settle();
    harness.dropWebhooks(false);
    await leftAlone(sent.id);
    await checkPayouts(asTheJob(withoutProvider(harness.deps, "instabank")));
    const held = await paymentOf(sent.id);
    expect([held.status, held.reasonCode, held.provider]).toEqual(["HELD", "PROVIDER_ERROR", "instabank"]);
    expect(await money(player.id)).toEqual({ cash: 36_000n, pending: 4_000n });
    expect((await (await finance()).payments.queue()).find((p) => p.id === sent.id)?.status).toBe("HELD");

    // Configured again: the job's lookup finds the provider paid it.
    await checkPayouts(asTheJob(harness.deps));
    expect((await paymentOf(sent.id)).status).toBe("PAID");
    await expectPaidOnce(player.id, sent.id, 36_000n);
  });
});

describe("the payout job's batch", () => {
  it("still sends a stuck payout when held payouts nobody can resolve yet fill the batch", async () => {
    const player = await createCashierPlayer(base, country, "EUR", 40_000n);
    // Two payouts held on a provider error, sent through another instance of the sandbox: the provider our job
    // asks has no record of them, so they stay HELD until finance resolves them.
    const elsewhere = await startPaymentsHarness(base);
    const backlog = [];
    try {
      elsewhere.sandbox.control("instabank", { mode: "error500" });
      const caller = createTestCaller(elsewhere.deps, { app: "web", playerId: player.id }).cashier;
      for (const amount of ["20.00", "21.00"]) {
        backlog.push(
          await caller.withdraw({ method: "BANK_TRANSFER", amount, currency: "EUR", idempotencyKey: randomUUID() }),
        );
      }
    } finally {
      await elsewhere.close();
    }
    expect(backlog.map((p) => p.status)).toEqual(["HELD", "HELD"]);
    // A payout approved while the provider was down: it waits for the job.
    harness.sandbox.control("instabank", { mode: "down" });
    const stuck = await withdraw(player.id, "30.00");
    expect(stuck).toMatchObject({ status: "APPROVED", reasonCode: "PROVIDER_UNAVAILABLE" });
    harness.sandbox.control("instabank", { mode: "ok" });
    // The backlog is older than the stuck payout.
    for (const held of backlog) await leftAlone(held.id, 2 * hour);
    await leftAlone(stuck.id);

    for (let run = 0; run < 2; run++) await checkPayouts(asTheJob(harness.deps), { batch: backlog.length });
    expect((await paymentOf(stuck.id)).status).toBe("PAID");
    expect(await paidOutByInstabank(stuck.id)).toBe(1);
    expect(await Promise.all(backlog.map(async (held) => (await paymentOf(held.id)).status))).toEqual(["HELD", "HELD"]);
    expect(await money(player.id)).toEqual({ cash: 32_900n, pending: 4_100n });

    // Finance checks with the provider and resolves the backlog: the funds go back to the player.
    const staff = await finance();
    for (const held of backlog) {
      await staff.payments.resolveHeld({ paymentId: held.id, outcome: "FAILED", note: "not in the provider's books" });
    }
    expect(await money(player.id)).toEqual({ cash: 37_000n, pending: 0n });
  });
});
