import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { completeHostedPayment } from "../../sandbox-psp";
import { createTestCaller, createTestDeps } from "../../testing/context";
import {
  configureCashier,
  configurePaymentRouting,
  createCashierPlayer,
  startPaymentsHarness,
} from "../../testing/payments";
import { auditRowsWhere, domainCodeOf, signInTestStaff } from "../../testing/staff";
import { balanceOf, expectLedgerInvariants } from "../../testing/wallet";
import { paymentSettingsOf } from "./payment-settings";

// This file's own jurisdiction; everything goes through the instant bank (the card providers' health is another
// file's to watch).
const country = "XR";
const base = createTestDeps();
let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;

beforeAll(async () => {
  harness = await startPaymentsHarness(base);
  await configurePaymentRouting(base, { EUR: 10_000n });
  await configureCashier(base, country, "EUR");
});
afterEach(() => expectLedgerInvariants(base));
afterAll(async () => {
  await harness.close();
  await base.db.close();
});

const cashier = (playerId: string) => createTestCaller(harness.deps, { app: "web", playerId }).cashier;
const input = (amount: string) => ({
  method: "BANK_TRANSFER" as const,
  amount,
  currency: "EUR",
  idempotencyKey: randomUUID(),
});
const staffCaller = async (roles: ("FINANCE" | "AUDITOR")[]) => {
  const { staff } = await signInTestStaff(harness.deps, roles);
  return { id: staff.id, payments: createTestCaller(harness.deps, { app: "admin", staff }).admin.payments };
};

/** A player with a completed deposit, a paid withdrawal and a withdrawal held on a provider timeout. */
const paymentsToReconcile = async () => {
  const player = await createCashierPlayer(base, country);
  const deposit = await cashier(player.id).deposit(input("90.00"));
  await completeHostedPayment(deposit.redirectUrl, { bank: "approve" });
  await harness.settle();
  const paid = await cashier(player.id).withdraw(input("30.00"));
  harness.sandbox.control("instabank", { mode: "timeout" });
  const held = await cashier(player.id)
    .withdraw(input("40.00"))
    .finally(() => harness.sandbox.control("instabank", { mode: "ok" }));
  return { player, deposit: deposit.payment, paid, held };
};

describe("settlement reconciliation", () => {
  it("matches the provider's report line by line and flags every disagreement, adjusting nothing", async () => {
    const { player, deposit, paid, held } = await paymentsToReconcile();
    expect([deposit.status, paid.status, held.status]).toEqual(["PENDING", "PAID", "HELD"]);
    const report = await paymentSettingsOf(harness.deps).providers.get("instabank")?.fetchSettlementReport?.();
    const csv = [
      (report ?? "").trimEnd(),
      `po_unknown,pay_not_ours,payout,1000,EUR,paid,2026-11-21T10:00:00.000Z`,
      `pay_other,${deposit.id},deposit,9001,EUR,succeeded,2026-11-21T10:00:00.000Z`,
      `broken,line`,
    ].join("\n");
    const before = {
      cash: await balanceOf(base, player.id),
      pending: await balanceOf(base, player.id, "WITHDRAWAL_PENDING"),
      txns: await harness.deps.db.prisma.ledgerTransaction.count({ where: { playerId: player.id } }),
    };
    expect(before).toEqual({ cash: 2_000n, pending: 4_000n, txns: 4 });

    const finance = await staffCaller(["FINANCE"]);
    // An unreadable report is refused whole.
    expect(
      await domainCodeOf(finance.payments.importSettlement({ provider: "instabank", csv: "id,amount\n1,2" })),
    ).toBe("INVALID_INPUT");
    const run = await finance.payments.importSettlement({ provider: "instabank", csv });
    const { items } = await finance.payments.reconciliationRun({ runId: run.runId });
    const ours = new Map(items.filter((i) => i.paymentId).map((i) => [`${i.paymentId}:${i.providerReference}`, i]));
    const byPayment = (paymentId: string) => [...ours.values()].filter((i) => i.paymentId === paymentId);
    expect(byPayment(paid.id).map((i) => [i.status, i.reason])).toEqual([["MATCHED", null]]);
    expect(byPayment(held.id).map((i) => [i.status, i.reason])).toEqual([["FLAGGED", "STATUS_MISMATCH"]]);
    expect(
      byPayment(deposit.id)
        .map((i) => [i.status, i.reason])
        .sort(),
    ).toEqual([
      ["FLAGGED", "AMOUNT_MISMATCH"],
      ["MATCHED", null],
    ]);
    expect(items.find((i) => i.providerReference === "po_unknown")).toMatchObject({
      status: "FLAGGED",
      reason: "UNKNOWN_PAYMENT",
      paymentId: null,
    });
    expect(items.filter((i) => i.reason === "MALFORMED_LINE")).toHaveLength(1);
    expect(run.matched + run.flagged).toBe(items.length);
    expect(items[0]?.status).toBe("FLAGGED");

    // Nothing moved: the held payout stays held for the payout check or a finance user.
    expect((await harness.deps.db.prisma.payment.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("HELD");
    expect({
      cash: await balanceOf(base, player.id),
      pending: await balanceOf(base, player.id, "WITHDRAWAL_PENDING"),
      txns: await harness.deps.db.prisma.ledgerTransaction.count({ where: { playerId: player.id } }),
    }).toEqual(before);

    const runs = await finance.payments.reconciliationRuns();
    expect(runs.find((r) => r.runId === run.runId)).toMatchObject({ provider: "instabank", lines: items.length });
    const audit = await auditRowsWhere(harness.deps, { targetId: run.runId });
    expect(audit.map((r) => [r.action, r.actorId])).toEqual([["payments.settlement.import", finance.id]]);

    // The auditor reads runs but cannot import.
    const auditor = await staffCaller(["AUDITOR"]);
    expect((await auditor.payments.reconciliationRun({ runId: run.runId })).items).toHaveLength(items.length);
    expect(await domainCodeOf(auditor.payments.importSettlement({ provider: "instabank", csv }))).toBe("FORBIDDEN");
  });
});

describe("payment views", () => {
  it("gives staff search, detail with transitions and webhook log, and the player their own history", async () => {
    const { player, deposit, held } = await paymentsToReconcile();
    const finance = await staffCaller(["FINANCE"]);
    const email = (await harness.deps.db.prisma.player.findUniqueOrThrow({ where: { id: player.id } })).email;

    const found = await finance.payments.search({ query: email.slice(0, 12).toUpperCase() });
    expect(found.items.filter((p) => p.playerId === player.id).map((p) => p.id)).toContain(deposit.id);
    const heldOnly = await finance.payments.search({ query: player.id, status: "HELD" });
    expect(heldOnly.items.map((p) => p.id)).toEqual([held.id]);
    expect((await finance.payments.queue()).map((p) => p.id)).toContain(held.id);

    const detail = await finance.payments.detail({ paymentId: deposit.id });
    expect(detail).toMatchObject({ playerId: player.id, playerEmail: email });
    expect(detail.payment).toMatchObject({ status: "COMPLETED", amountMinor: 9_000n });
    expect(detail.transitions.map((t) => t.to)).toEqual(["INITIATED", "PENDING", "COMPLETED"]);
    expect(detail.transitions.at(-1)?.actor).toBe("provider:instabank");
    expect(detail.webhooks).toEqual([
      expect.objectContaining({ type: "payment.succeeded", signatureValid: true, outcome: "APPLIED" }),
    ]);

    const firstPage = await cashier(player.id).history({ limit: 2 });
    expect(firstPage.items).toHaveLength(2);
    const secondPage = await cashier(player.id).history({ limit: 2, cursor: firstPage.nextCursor });
    expect([...firstPage.items, ...secondPage.items].map((p) => p.id)).toEqual(
      [
        deposit.id,
        ...(
          await harness.deps.db.prisma.payment.findMany({
            where: { playerId: player.id, direction: "WITHDRAWAL" },
            select: { id: true },
          })
        ).map((p) => p.id),
      ]
        .sort()
        .reverse(),
    );
    expect(secondPage.nextCursor).toBeNull();
    const stranger = await createCashierPlayer(base, country);
    expect(await domainCodeOf(cashier(stranger.id).payment({ paymentId: deposit.id }))).toBe("NOT_FOUND");
  });
});
