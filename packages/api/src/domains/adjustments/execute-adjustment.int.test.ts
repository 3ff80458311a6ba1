import type { IdKind, NewId } from "@pitboss/db";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../../deps";
import { adjustmentRequest } from "../../testing/adjustments";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { auditRowsWhere, domainCodeOf, signInTestStaff } from "../../testing/staff";
import { balanceOf, createFundedPlayer, expectLedgerInvariants } from "../../testing/wallet";
import { postTransfer } from "../wallet/post-transfer";
import { adjustmentSelect } from "./adjustments.repo";
import { adjustmentTransfer } from "./execute-adjustment";

// Four-eyes above 100.00 EUR.
const deps = { ...createTestDeps(), staffSettings: { adjustmentApprovalAbove: { EUR: 10_000n } } };
afterEach(() => expectLedgerInvariants(deps));
afterAll(() => deps.db.close());

type TestDeps = typeof deps;
type Staff = Awaited<ReturnType<typeof signInTestStaff>>;

/**
 * The crash window between moving the money and recording it: these deps fail the first audit write that follows
 * a ledger posting (writeAudit mints its row id through newId), once. Every later call behaves normally.
 */
const failingAuditAfterLedgerPosting = (base: TestDeps): TestDeps => {
  let hasPosted = false;
  let hasFailed = false;
  const newId = ((kind: IdKind) => {
    if (kind === "transaction") hasPosted = true;
    if (kind === "audit" && hasPosted && !hasFailed) {
      hasFailed = true;
      throw new Error("injected failure: the process died before the execute audit row");
    }
    return base.newId(kind);
  }) as NewId;
  return { ...base, newId };
};

const callerFor = (staff: Staff, over: ServiceDeps = deps) =>
  createTestCaller(over, { app: "admin", staff: staff.staff });
const request = (playerId: string, amount: string) => adjustmentRequest(playerId, amount);
const cashOf = (playerId: string) => balanceOf(deps, playerId);
const adjustmentTxnCount = (playerId: string) =>
  deps.db.prisma.ledgerTransaction.count({ where: { playerId, kind: "ADJUSTMENT" } });
const statusOf = async (playerId: string) =>
  (await deps.db.prisma.adjustmentRequest.findMany({ where: { playerId }, select: { status: true } })).map(
    (r) => r.status,
  );
/** The domain's own trail for the player (the failed call's DENIED row from the router is left out). */
const walletTrail = async (playerId: string) =>
  (await auditRowsWhere(deps, { targetId: playerId }))
    .filter((r) => r.action.startsWith("wallet.adjustment."))
    .map((r) => `${r.action}:${r.outcome}`);

describe("executing an adjustment: money, status and audit row commit together", () => {
  it("below the threshold: a failure after posting moves nothing, and the requester's retry completes it once", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const finance = await signInTestStaff(deps, ["FINANCE"]);
    const input = request(player.id, "25.00");

    expect(
      await domainCodeOf(callerFor(finance, failingAuditAfterLedgerPosting(deps)).admin.adjustment.create(input)),
    ).toBe("INTERNAL");
    // Nothing half-done: no money, no ledger transaction, no execute row; the request waits to be resumed.
    expect(await cashOf(player.id)).toBe(1_000n);
    expect(await adjustmentTxnCount(player.id)).toBe(0);
    expect(await statusOf(player.id)).toEqual(["APPROVED"]);
    expect(await walletTrail(player.id)).toEqual(["wallet.adjustment.request:SUCCESS"]);

    // The form keeps its idempotency key after an error, so submitting again resumes the same request.
    const retried = await callerFor(finance).admin.adjustment.create(input);
    expect(retried).toMatchObject({ status: "EXECUTED", isReplay: true });
    const again = await callerFor(finance).admin.adjustment.create(input);
    expect(again).toMatchObject({ id: retried.id, status: "EXECUTED", txnId: retried.txnId, isReplay: true });

    expect(await cashOf(player.id)).toBe(1_000n + 2_500n);
    expect(await adjustmentTxnCount(player.id)).toBe(1);
    expect(await walletTrail(player.id)).toEqual([
      "wallet.adjustment.request:SUCCESS",
      "wallet.adjustment.execute:SUCCESS",
    ]);
    const [execute] = await auditRowsWhere(deps, { targetId: player.id, action: "wallet.adjustment.execute" });
    expect(execute?.after).toMatchObject({ adjustmentId: retried.id, txnId: retried.txnId, balanceAfter: "3500" });
  });

  it("after a second approval: a failure after posting moves nothing, and approving again completes it once", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const requester = await signInTestStaff(deps, ["FINANCE"]);
    const approver = await signInTestStaff(deps, ["FINANCE"]);
    const pending = await callerFor(requester).admin.adjustment.create(request(player.id, "500.00"));
    expect(pending.status).toBe("PENDING");

    const approve = { adjustmentId: pending.id };
    expect(
      await domainCodeOf(callerFor(approver, failingAuditAfterLedgerPosting(deps)).admin.adjustment.approve(approve)),
    ).toBe("INTERNAL");
    expect(await cashOf(player.id)).toBe(1_000n);
    expect(await adjustmentTxnCount(player.id)).toBe(0);
    expect(await statusOf(player.id)).toEqual(["APPROVED"]);
    expect(await walletTrail(player.id)).toEqual([
      "wallet.adjustment.request:SUCCESS",
      "wallet.adjustment.approve:SUCCESS",
    ]);

    // Resumed by the approver (or any other eligible user) and, concurrently, by a retry: once.
    const results = await Promise.all([
      callerFor(approver).admin.adjustment.approve(approve),
      callerFor(approver).admin.adjustment.approve(approve),
    ]);
    expect(new Set(results.map((r) => r.txnId)).size).toBe(1);
    expect(results.map((r) => r.status)).toEqual(["EXECUTED", "EXECUTED"]);
    expect(await cashOf(player.id)).toBe(1_000n + 50_000n);
    expect(await adjustmentTxnCount(player.id)).toBe(1);
    expect(await walletTrail(player.id)).toEqual([
      "wallet.adjustment.request:SUCCESS",
      "wallet.adjustment.approve:SUCCESS",
      "wallet.adjustment.execute:SUCCESS",
    ]);
  });

  it("finishes a request the old two-step code left with money moved but no record: no second posting", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const finance = await signInTestStaff(deps, ["FINANCE"]);
    const input = request(player.id, "10.00");
    await domainCodeOf(callerFor(finance, failingAuditAfterLedgerPosting(deps)).admin.adjustment.create(input));
    const stuck = await deps.db.prisma.adjustmentRequest.findFirstOrThrow({
      where: { playerId: player.id },
      select: adjustmentSelect,
    });
    expect(stuck.status).toBe("APPROVED");
    // What a crash between the old code's two transactions left behind: the posting committed on its own.
    const posted = await postTransfer(deps, adjustmentTransfer(stuck));
    expect(await cashOf(player.id)).toBe(2_000n);

    const resumed = await callerFor(finance).admin.adjustment.create(input);
    expect(resumed).toMatchObject({ status: "EXECUTED", txnId: posted.txnId });
    expect(await cashOf(player.id)).toBe(2_000n);
    expect(await adjustmentTxnCount(player.id)).toBe(1);
    expect(await walletTrail(player.id)).toEqual([
      "wallet.adjustment.request:SUCCESS",
      "wallet.adjustment.execute:SUCCESS",
    ]);
  });
});
