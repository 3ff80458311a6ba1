import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { completeHostedPayment, sandboxPspCredentials } from "../../sandbox-psp";
import { createTestCaller, createTestDeps } from "../../testing/context";
import {
  backdatePayment,
  configureCashier,
  configurePaymentRouting,
  createCashierPlayer,
  startPaymentsHarness,
  withRevokedProviderKey,
} from "../../testing/payments";
import { createTestStaff, domainCodeOf } from "../../testing/staff";
import { balanceOf, expectLedgerInvariants } from "../../testing/wallet";
import { inMoneyTransaction } from "../money-transaction";
import { checkProviderHealth } from "./check-provider-health";
import { expireStaleDeposits } from "./expire-deposits";
import { postPaymentMovement } from "./payment-transitions";
import { mustFindPayment } from "./payments.repo";
import { signWebhook } from "./webhook-signature";

// This file's own jurisdiction, so parallel test files never share cashier rows.
const country = "XD";
const base = createTestDeps();
let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;

beforeAll(async () => {
  harness = await startPaymentsHarness(base);
  await configurePaymentRouting(base);
  await configureCashier(base, country, "EUR");
});
afterEach(() => expectLedgerInvariants(base));
afterAll(async () => {
  await harness.close();
  await base.db.close();
});

const cashier = (playerId: string) => createTestCaller(harness.deps, { app: "web", playerId }).cashier;
const deposit = (playerId: string, amount = "25.00", method: "CARD" | "BANK_TRANSFER" = "CARD") =>
  cashier(playerId).deposit({ method, amount, currency: "EUR", idempotencyKey: randomUUID() });
const paymentOf = (paymentId: string) => harness.deps.db.prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });
const transitionsOf = async (paymentId: string) =>
  (await harness.deps.db.prisma.paymentTransition.findMany({ where: { paymentId }, orderBy: { id: "asc" } })).map(
    (t) => `${t.fromStatus ?? "∅"}→${t.toStatus}${t.reasonCode ? `:${t.reasonCode}` : ""}`,
  );
const creditsOf = (paymentId: string) =>
  harness.deps.db.prisma.ledgerTransaction.count({ where: { paymentId, kind: "DEPOSIT" } });

/** Sends a webhook signed with the provider's real secret, as the provider would (or an attacker with the secret). */
const postWebhook = async (
  provider: string,
  event: Record<string, unknown>,
  options: { secret?: string; at?: number; header?: string | null } = {},
) => {
  const body = JSON.stringify(event);
  const at = options.at ?? Math.floor(Date.now() / 1000);
  const signature =
    options.header === undefined
      ? signWebhook(options.secret ?? sandboxPspCredentials(provider).webhookSecret, body, at)
      : options.header;
  const response = await fetch(`${harness.webUrl}/api/payments/webhooks/${provider}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature === null ? {} : { "psp-signature": signature }) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const paymentEvent = (
  type: string,
  payment: { id: string; providerPaymentId: string | null; amountMinor: bigint },
  extra: Record<string, unknown> = {},
) => ({
  id: `evt_${randomUUID()}`,
  type,
  created: Math.floor(Date.now() / 1000),
  data: {
    id: payment.providerPaymentId,
    reference: payment.id,
    amountMinor: payment.amountMinor.toString(),
    currency: "EUR",
    status: type.split(".")[1],
    ...extra,
  },
});

describe("deposit by card", () => {
  it("completes through 3-D Secure and credits the player once, on the signed webhook only", async () => {
    const player = await createCashierPlayer(base, country);
    const { payment, redirectUrl } = await deposit(player.id, "25.00");
    expect(payment).toMatchObject({ status: "PENDING", direction: "DEPOSIT", method: "CARD", amountMinor: 2_500n });
    expect(redirectUrl).toContain(`${harness.sandbox.url}/`);
    expect(await balanceOf(base, player.id)).toBe(0n);

    const outcome = await completeHostedPayment(redirectUrl, { card: "4000 0000 0000 3220", otp: "1234" });
    // The browser comes back to our return page; that alone proves nothing and credits nothing.
    expect(outcome.location).toBe(`${harness.webUrl}/cashier/return?payment=${payment.id}`);
    await harness.settle();

    expect(await cashier(player.id).payment({ paymentId: payment.id })).toMatchObject({ status: "COMPLETED" });
    expect(await balanceOf(base, player.id)).toBe(2_500n);
    expect(await creditsOf(payment.id)).toBe(1);
    expect(await transitionsOf(payment.id)).toEqual(["∅→INITIATED", "INITIATED→PENDING", "PENDING→COMPLETED"]);
  });

  it("fails with the translated reason when the card is declined, or the 3-D Secure code is wrong", async () => {
    const player = await createCashierPlayer(base, country);
    const declined = await deposit(player.id);
    await completeHostedPayment(declined.redirectUrl, { card: "4000 0000 0000 0002" });
    const wrongCode = await deposit(player.id);
    await completeHostedPayment(wrongCode.redirectUrl, { card: "4000 0000 0000 3220", otp: "9999" });
    await harness.settle();
    const views = await Promise.all(
      [declined, wrongCode].map((d) => cashier(player.id).payment({ paymentId: d.payment.id })),
    );
    expect(views.map((v) => [v.status, v.reasonCode])).toEqual([
      ["FAILED", "CARD_DECLINED"],
      ["FAILED", expect.stringMatching(/^[A-Z0-9_]+$/)],
    ]);
    expect(await balanceOf(base, player.id)).toBe(0n);
  });

  it("returns the first deposit for a repeated key and refuses the key for another amount", async () => {
    const player = await createCashierPlayer(base, country);
    const input = { method: "CARD" as const, amount: "30.00", currency: "EUR", idempotencyKey: randomUUID() };
    const [first, second] = await Promise.all([cashier(player.id).deposit(input), cashier(player.id).deposit(input)]);
    expect(second.payment.id).toBe(first.payment.id);
    expect(second.redirectUrl).toBe(first.redirectUrl);
    expect(await domainCodeOf(cashier(player.id).deposit({ ...input, amount: "31.00" }))).toBe(
      "IDEMPOTENCY_KEY_REUSED",
    );
    expect(await harness.deps.db.prisma.payment.count({ where: { playerId: player.id } })).toBe(1);
  });
});

describe("deposit by instant bank", () => {
  it("settles at once on approval, and fails on decline", async () => {
    const player = await createCashierPlayer(base, country);
    const approved = await deposit(player.id, "40.00", "BANK_TRANSFER");
    expect(approved.payment.provider).toBe("instabank");
    await completeHostedPayment(approved.redirectUrl, { bank: "approve" });
    const declined = await deposit(player.id, "15.00", "BANK_TRANSFER");
    await completeHostedPayment(declined.redirectUrl, { bank: "decline" });
    await harness.settle();
    expect((await paymentOf(approved.payment.id)).status).toBe("COMPLETED");
    expect((await paymentOf(declined.payment.id)).status).toBe("FAILED");
    expect(await balanceOf(base, player.id)).toBe(4_000n);
  });

  it("credits the amount less the provider's fee (fixed plus basis points, rounded down)", async () => {
    await configureCashier(base, "XF", "EUR", [
      { method: "BANK_TRANSFER", direction: "DEPOSIT", feeFixedMinor: 50n, feeBps: 125 },
    ]);
    const player = await createCashierPlayer(base, "XF");
    // Only the bank's fee matters here (the demo seed, run by another file, may add default "*" methods beside it).
    const methods = await cashier(player.id).methods({ direction: "DEPOSIT", currency: "EUR" });
    expect(methods.find((m) => m.method === "BANK_TRANSFER")).toMatchObject({ feeFixedMinor: 50n, feeBps: 125 });
    const { payment, redirectUrl } = await deposit(player.id, "20.01", "BANK_TRANSFER");
    // 0.50 + 1.25 % of 20.01 (0.250125, rounded down to 0.25) = 0.75
    expect(payment).toMatchObject({ amountMinor: 2_001n, feeMinor: 75n });
    await completeHostedPayment(redirectUrl, { bank: "approve" });
    await harness.settle();
    expect(await balanceOf(base, player.id)).toBe(1_926n);
  });
});

describe("webhooks", () => {
  it("credits once when the provider delivers every webhook twice, or replays one", async () => {
    harness.sandbox.control("cardpay", { duplicateWebhooks: true });
    harness.sandbox.control("cardplus", { duplicateWebhooks: true });
    try {
      const player = await createCashierPlayer(base, country);
      const { payment, redirectUrl } = await deposit(player.id, "50.00");
      await completeHostedPayment(redirectUrl, { card: "4242 4242 4242 4242" });
      await harness.settle();
      expect(await balanceOf(base, player.id)).toBe(5_000n);
      expect(await creditsOf(payment.id)).toBe(1);
      const [event] = await harness.deps.db.prisma.paymentWebhookEvent.findMany({ where: { paymentId: payment.id } });
      expect(event).toMatchObject({ outcome: "APPLIED", deliveries: 2, isSignatureValid: true });
    } finally {
      harness.sandbox.control("cardpay", { duplicateWebhooks: false });
      harness.sandbox.control("cardplus", { duplicateWebhooks: false });
    }
  });

  it("ignores a failure after success and a second success: the deposit stays credited once", async () => {
    const player = await createCashierPlayer(base, country);
    const { payment, redirectUrl } = await deposit(player.id, "20.00");
    await completeHostedPayment(redirectUrl, { card: "4242 4242 4242 4242" });
    await harness.settle();
    const row = await paymentOf(payment.id);
    const provider = row.provider as string;
    const late = await postWebhook(provider, paymentEvent("payment.failed", row, { failureCode: "card_declined" }));
    const again = await postWebhook(provider, paymentEvent("payment.succeeded", row));
    expect([late.status, again.status]).toEqual([200, 200]);
    expect((await paymentOf(payment.id)).status).toBe("COMPLETED");
    expect(await balanceOf(base, player.id)).toBe(2_000n);
    expect(await creditsOf(payment.id)).toBe(1);
    const outcomes = await harness.deps.db.prisma.paymentWebhookEvent.findMany({
      where: { paymentId: payment.id },
      orderBy: { receivedAt: "asc" },
    });
    expect(outcomes.map((e) => [e.eventType, e.outcome])).toEqual([
      ["payment.succeeded", "APPLIED"],
      ["payment.failed", "NO_CHANGE"],
      ["payment.succeeded", "NO_CHANGE"],
    ]);
  });

  it("applies events delivered newest first without losing or doubling anything", async () => {
    harness.sandbox.control("cardpay", { reorderWebhooks: true });
    harness.sandbox.control("cardplus", { reorderWebhooks: true });
    try {
      const player = await createCashierPlayer(base, country);
      const deposits = await Promise.all([deposit(player.id, "11.00"), deposit(player.id, "12.00")]);
      await completeHostedPayment(deposits[0].redirectUrl, { card: "4242 4242 4242 4242" });
      await completeHostedPayment(deposits[1].redirectUrl, { card: "4000 0000 0000 0002" });
      await harness.settle();
      expect((await paymentOf(deposits[0].payment.id)).status).toBe("COMPLETED");
      expect((await paymentOf(deposits[1].payment.id)).status).toBe("FAILED");
      expect(await balanceOf(base, player.id)).toBe(1_100n);
    } finally {
      harness.sandbox.control("cardpay", { reorderWebhooks: false });
      harness.sandbox.control("cardplus", { reorderWebhooks: false });
    }
  });

  it("refuses a bad signature, an old timestamp and an unknown payment with 400, changing nothing", async () => {
    const player = await createCashierPlayer(base, country);
    const { payment } = await deposit(player.id, "60.00");
    const row = await paymentOf(payment.id);
    const provider = row.provider as string;
    const succeeded = paymentEvent("payment.succeeded", row);
    const forged = await postWebhook(provider, succeeded, { secret: "whsec_guessed_by_an_attacker" });
    const unsigned = await postWebhook(provider, succeeded, { header: null });
    const garbled = await postWebhook(provider, succeeded, { header: "t=abc,v1=zz" });
    const old = await postWebhook(provider, succeeded, { at: Math.floor(Date.now() / 1000) - 301 });
    const unknown = await postWebhook(provider, paymentEvent("payment.succeeded", { ...row, id: "pay_nobody" }));
    for (const answer of [forged, unsigned, garbled, old, unknown]) {
      expect(answer.status).toBe(400);
      expect(answer.body.requestId).toEqual(expect.any(String));
    }
    expect((await paymentOf(payment.id)).status).toBe("PENDING");
    expect(await balanceOf(base, player.id)).toBe(0n);
    const recorded = await harness.deps.db.prisma.paymentWebhookEvent.findMany({
      where: { paymentId: payment.id },
      orderBy: { receivedAt: "asc" },
    });
    // The refused deliveries about this payment are kept for staff, unverified, with no event id claimed.
    expect(recorded.map((e) => [e.outcome, e.isSignatureValid, e.eventId])).toEqual([
      ["INVALID_SIGNATURE", false, null],
      ["INVALID_SIGNATURE", false, null],
      ["INVALID_SIGNATURE", false, null],
      ["STALE", false, null],
    ]);
    // The genuine event still goes through afterwards: the forgeries did not claim its id.
    expect((await postWebhook(provider, succeeded)).status).toBe(200);
    expect(await balanceOf(base, player.id)).toBe(6_000n);
  });

  it("refuses an event whose amount disagrees with the payment, and credits nothing", async () => {
    const player = await createCashierPlayer(base, country);
    const { payment } = await deposit(player.id, "70.00");
    const row = await paymentOf(payment.id);
    const answer = await postWebhook(
      row.provider as string,
      paymentEvent("payment.succeeded", { ...row, amountMinor: 700_000n }),
    );
    expect(answer.status).toBe(200);
    expect((await paymentOf(payment.id)).status).toBe("PENDING");
    expect(await balanceOf(base, player.id)).toBe(0n);
  });
});

describe("expiry", () => {
  it("closes a deposit whose webhook never came after asking the provider, and still credits a late success", async () => {
    const expiring = { ...harness.deps, paymentSettings: { ...harness.deps.paymentSettings, depositTtlMs: 0 } };
    const player = await createCashierPlayer(base, country);
    const caller = createTestCaller(expiring, { app: "web", playerId: player.id }).cashier;
    const input = { method: "CARD" as const, currency: "EUR" };
    const stuck = await caller.deposit({ ...input, amount: "13.00", idempotencyKey: randomUUID() });
    await completeHostedPayment(stuck.redirectUrl, { card: "4000 0000 0000 0119" });
    const paidSilently = await caller.deposit({ ...input, amount: "14.00", idempotencyKey: randomUUID() });
    const late = await caller.deposit({ ...input, amount: "15.00", idempotencyKey: randomUUID() });

    // The provider took this one but every delivery of its webhook is lost: only the expiry job's question finds out.
    harness.dropWebhooks(true);
    try {
      await completeHostedPayment(paidSilently.redirectUrl, { card: "4242 4242 4242 4242" });
      await harness.settle();
    } finally {
      harness.dropWebhooks(false);
    }
    await expireStaleDeposits(expiring);
    expect((await paymentOf(stuck.payment.id)).status).toBe("EXPIRED");
    expect((await paymentOf(stuck.payment.id)).reasonCode).toBe("EXPIRED_NO_CONFIRMATION");
    expect((await paymentOf(paidSilently.payment.id)).status).toBe("COMPLETED");
    expect((await paymentOf(late.payment.id)).status).toBe("EXPIRED");
    expect(await balanceOf(base, player.id)).toBe(1_400n);

    // The player finishes paying after we gave up: the provider's success still completes it, once.
    await completeHostedPayment(late.redirectUrl, { card: "4242 4242 4242 4242" });
    await harness.settle();
    await expireStaleDeposits(expiring);
    const completed = await paymentOf(late.payment.id);
    expect([completed.status, completed.reasonCode]).toEqual(["COMPLETED", "LATE_SUCCESS"]);
    expect(await balanceOf(base, player.id)).toBe(2_900n);
    expect(await creditsOf(late.payment.id)).toBe(1);
  });
  it("counts a refused status query as the provider answering, as a refused deposit is, and leaves the deposit open", async () => {
    const expiring = { ...harness.deps, paymentSettings: { ...harness.deps.paymentSettings, depositTtlMs: 0 } };
    const player = await createCashierPlayer(base, country);
    const caller = createTestCaller(expiring, { app: "web", playerId: player.id }).cashier;
    const open = await caller.deposit({
      method: "CARD",
      currency: "EUR",
      amount: "16.00",
      idempotencyKey: randomUUID(),
    });
    const provider = open.payment.provider as string;
    const revoked = withRevokedProviderKey(expiring, harness.sandbox.url);
    const askedAt = Date.now();
    await expireStaleDeposits(revoked);
    expect((await paymentOf(open.payment.id)).status).toBe("PENDING");
    const health = await harness.deps.db.prisma.paymentProviderHealth.findUniqueOrThrow({ where: { provider } });
    expect(health.lastSuccessAt?.getTime()).toBeGreaterThanOrEqual(askedAt);
    expect(health.lastError).not.toBe("REFUSED");

    // Asked again with the right key on the next run: closed as the provider says.
    await expireStaleDeposits(expiring);
    expect((await paymentOf(open.payment.id)).status).toBe("EXPIRED");
  });

  it("still credits a silently paid deposit while another provider's backlog, down, fills the batch", async () => {
    const hour = 60 * 60_000;
    const player = await createCashierPlayer(base, country);
    // The backlog: deposits at cardpay, past their deadline (older than anything else due) while cardpay is down.
    const backlog = [await deposit(player.id, "11.00"), await deposit(player.id, "12.00")];
    expect(backlog.map((d) => d.payment.provider)).toEqual(["cardpay", "cardpay"]);
    harness.sandbox.control("cardpay", { mode: "down" });
    try {
      // Taken by cardplus while cardpay is down; the player paid, but every delivery of the webhook is lost.
      const paid = await deposit(player.id, "17.00");
      expect(paid.payment.provider).toBe("cardplus");
      harness.dropWebhooks(true);
      try {
        await completeHostedPayment(paid.redirectUrl, { card: "4242 4242 4242 4242" });
        await harness.settle();
      } finally {
        harness.dropWebhooks(false);
      }
      for (const stale of backlog) await backdatePayment(base, stale.payment.id, 2 * hour);
      await backdatePayment(base, paid.payment.id, hour);

      for (let run = 0; run < 2; run++) await expireStaleDeposits(harness.deps, { batch: backlog.length });
      expect((await paymentOf(paid.payment.id)).status).toBe("COMPLETED");
      expect(await balanceOf(base, player.id)).toBe(1_700n);
      expect(await creditsOf(paid.payment.id)).toBe(1);
      expect(await Promise.all(backlog.map(async (d) => (await paymentOf(d.payment.id)).status))).toEqual([
        "PENDING",
        "PENDING",
      ]);
    } finally {
      // cardpay is back: its backlog is asked about and closed (never paid), and its circuit closes again.
      harness.sandbox.control("cardpay", { mode: "ok" });
      await expireStaleDeposits(harness.deps);
    }
    expect(await Promise.all(backlog.map(async (d) => (await paymentOf(d.payment.id)).reasonCode))).toEqual([
      "EXPIRED_NO_CONFIRMATION",
      "EXPIRED_NO_CONFIRMATION",
    ]);
    expect(
      await harness.deps.db.prisma.paymentProviderHealth.findUniqueOrThrow({ where: { provider: "cardpay" } }),
    ).toMatchObject({ circuit: "CLOSED", consecutiveFailures: 0 });
  });
});

describe("bad input creates nothing", () => {
  it("refuses each with a typed error", async () => {
    await configureCashier(base, "XE", "EUR", [
      { method: "CARD", direction: "DEPOSIT", maxMinor: 10_000n, dailyCount: 1 },
      { method: "BANK_TRANSFER", direction: "DEPOSIT", isEnabled: false },
    ]);
    const player = await createCashierPlayer(base, "XE");
    const attempt = (input: Partial<{ method: "CARD" | "BANK_TRANSFER"; amount: string; currency: string }>) =>
      domainCodeOf(
        cashier(player.id).deposit({
          method: "CARD",
          amount: "20.00",
          currency: "EUR",
          idempotencyKey: randomUUID(),
          ...input,
        }),
      );
    expect(await attempt({ amount: "0" })).toBe("INVALID_AMOUNT");
    expect(await attempt({ amount: "-5.00" })).toBe("INVALID_INPUT");
    expect(await attempt({ amount: "10.001" })).toBe("INVALID_AMOUNT");
    expect(await attempt({ amount: "100.01" })).toBe("PAYMENT_AMOUNT_OUT_OF_RANGE");
    expect(await attempt({ amount: "9.99" })).toBe("PAYMENT_AMOUNT_OUT_OF_RANGE");
    expect(await attempt({ currency: "USD" })).toBe("CURRENCY_MISMATCH");
    expect(await attempt({ currency: "XYZ" })).toBe("INVALID_INPUT");
    expect(await attempt({ method: "BANK_TRANSFER" })).toBe("PAYMENT_METHOD_UNAVAILABLE");
    expect(await harness.deps.db.prisma.payment.count({ where: { playerId: player.id } })).toBe(0);

    // The method list shows only what applies, and the daily allowance.
    expect(await cashier(player.id).methods({ direction: "DEPOSIT", currency: "EUR" })).toEqual([
      { method: "CARD", minMinor: 1_000n, maxMinor: 10_000n, feeFixedMinor: 0n, feeBps: 0, dailyCountRemaining: 1 },
    ]);
    expect((await attempt({})) === "NO_ERROR").toBe(true);
    expect(await attempt({})).toBe("PAYMENT_LIMIT_REACHED");
    expect(await harness.deps.db.prisma.payment.count({ where: { playerId: player.id } })).toBe(1);
  });

  it("refuses a player whose deposits are blocked", async () => {
    const player = await createCashierPlayer(base, country);
    await harness.deps.db.prisma.playerRestriction.create({
      data: {
        id: harness.deps.newId("restriction"),
        playerId: player.id,
        type: "BLOCK_DEPOSITS",
        reason: "test",
        createdBy: (await createTestStaff(base, ["RISK"])).id,
      },
    });
    expect(await domainCodeOf(deposit(player.id))).toBe("PAYMENT_BLOCKED");
  });
});

describe("database guarantees", () => {
  it("commits a status change and its ledger movement together, or neither", async () => {
    const player = await createCashierPlayer(base, country);
    const { payment } = await deposit(player.id, "45.00");
    const row = await mustFindPayment(base.db, payment.id);
    const crash = inMoneyTransaction(harness.deps, async (tx) => {
      await tx.query("UPDATE payment SET status = 'COMPLETED' WHERE id = $1", [row.id]);
      await postPaymentMovement(tx, row, "credit");
      throw new Error("the process died before COMMIT");
    });
    await expect(crash).rejects.toThrow("before COMMIT");
    expect((await paymentOf(payment.id)).status).toBe("PENDING");
    expect(await creditsOf(payment.id)).toBe(0);
    expect(await balanceOf(base, player.id)).toBe(0n);
  });

  it("refuses to move a payment off its state machine, to rewrite it or to delete it", async () => {
    const player = await createCashierPlayer(base, country);
    const { payment } = await deposit(player.id, "46.00", "BANK_TRANSFER");
    const sql = (text: string) => base.db.pool.query(text, [payment.id]);
    await expect(sql("UPDATE payment SET status = 'PAID' WHERE id = $1")).rejects.toThrow();
    await expect(sql("UPDATE payment SET status = 'INITIATED' WHERE id = $1")).rejects.toThrow(/cannot go from/);
    await expect(sql("UPDATE payment SET amount_minor = 1 WHERE id = $1")).rejects.toThrow(/cannot be rewritten/);
    await expect(sql("DELETE FROM payment WHERE id = $1")).rejects.toThrow(/never deleted/);
    await expect(sql("UPDATE payment_transition SET actor = 'system:x' WHERE payment_id = $1")).rejects.toThrow(
      /append-only/,
    );
    expect((await paymentOf(payment.id)).status).toBe("PENDING");
  });
});

describe("routing and failover", () => {
  afterAll(async () => {
    harness.sandbox.control("cardpay", { mode: "ok" });
    harness.sandbox.control("cardplus", { mode: "ok" });
    await harness.deps.db.prisma.paymentProviderHealth.deleteMany({
      where: { provider: { in: ["cardpay", "cardplus"] } },
    });
  });

  it("sends new card deposits to the next provider while the first is down, then opens its circuit", async () => {
    harness.sandbox.control("cardpay", { mode: "down" });
    const player = await createCashierPlayer(base, country);
    const first = await deposit(player.id, "21.00");
    expect(first.payment).toMatchObject({ status: "PENDING", provider: "cardplus" });
    await completeHostedPayment(first.redirectUrl, { card: "4242 4242 4242 4242" });
    await harness.settle();
    expect((await paymentOf(first.payment.id)).status).toBe("COMPLETED");

    await deposit(player.id, "22.00");
    await deposit(player.id, "23.00");
    const health = await harness.deps.db.prisma.paymentProviderHealth.findUniqueOrThrow({
      where: { provider: "cardpay" },
    });
    expect(health).toMatchObject({ circuit: "OPEN", consecutiveFailures: 3 });
    expect(await balanceOf(base, player.id)).toBe(2_100n);

    // The health job closes the circuit once the provider answers again.
    harness.sandbox.control("cardpay", { mode: "ok" });
    await checkProviderHealth(harness.deps);
    expect(
      await harness.deps.db.prisma.paymentProviderHealth.findUniqueOrThrow({ where: { provider: "cardpay" } }),
    ).toMatchObject({ circuit: "CLOSED", consecutiveFailures: 0 });
  });

  it("fails the deposit with PROVIDER_UNAVAILABLE when no provider takes it, and sends the browser to its status", async () => {
    harness.sandbox.control("cardpay", { mode: "down" });
    harness.sandbox.control("cardplus", { mode: "down" });
    const player = await createCashierPlayer(base, country);
    const { payment, redirectUrl } = await deposit(player.id, "24.00");
    expect(payment).toMatchObject({ status: "FAILED", reasonCode: "PROVIDER_UNAVAILABLE" });
    expect(redirectUrl).toBe(`${harness.webUrl}/cashier/return?payment=${payment.id}`);
    expect(await balanceOf(base, player.id)).toBe(0n);
  });
});
