import { expect, test } from "@playwright/test";
import { closeDb, createPlayer, signInAs } from "./fixtures";

test.afterAll(closeDb);

test("[ADMIN]: a large adjustment waits for a second FINANCE user, then changes the balance once", async ({
  browser,
}) => {
  const player = await createPlayer("e2e-adjust");
  const requesterContext = await browser.newContext();
  const approverContext = await browser.newContext();
  const auditorContext = await browser.newContext();
  const requester = await requesterContext.newPage();
  const approver = await approverContext.newPage();
  const auditor = await auditorContext.newPage();
  await Promise.all([
    signInAs(requester.request, "FINANCE"),
    signInAs(approver.request, "FINANCE"),
    signInAs(auditor.request, "AUDITOR"),
  ]);

  await requester.goto(`/players/${player.id}`);
  const form = requester.getByTestId("adjustment-form");
  await form.getByLabel("Amount (negative debits)").fill("500.00");
  await form.getByLabel("Reason code").selectOption("GOODWILL");
  await form.getByLabel("Why (kept in the audit trail)").fill("Compensation for ticket #4711");
  await form.getByRole("button", { name: "Request adjustment" }).click();
  await expect(requester.getByTestId("adjustment-result")).toContainText("pending");
  await expect(requester.getByTestId("balance-EUR-CASH")).toHaveCount(0);

  // The requester cannot approve their own request.
  await requester.goto("/adjustments");
  const ownRow = requester.getByRole("row").filter({ hasText: player.email });
  await expect(ownRow).toContainText("your request");
  await expect(ownRow.getByRole("button", { name: "Approve" })).toHaveCount(0);

  await approver.goto("/adjustments");
  const row = approver.getByRole("row").filter({ hasText: player.email });
  await row.getByRole("button", { name: "Approve" }).click();
  // Once approved and posted it leaves the pending queue.
  await expect(row).toHaveCount(0);
  await approver.getByLabel("Status").selectOption("");
  await expect(approver.getByRole("row").filter({ hasText: player.email })).toContainText("executed");

  await requester.goto(`/players/${player.id}`);
  await expect(requester.getByTestId("balance-EUR-CASH")).toContainText("500.00 EUR");
  await expect(requester.getByTestId("player-statement")).toContainText("ADJUSTMENT");

  await auditor.goto("/audit");
  await auditor.getByLabel("Target id").fill(player.id);
  await auditor.getByRole("button", { name: "Filter" }).click();
  const rows = auditor.getByTestId("audit-rows");
  await expect(rows.getByTestId("audit-wallet.adjustment.request")).toBeVisible();
  await expect(rows.getByTestId("audit-wallet.adjustment.approve")).toBeVisible();
  await expect(rows.getByTestId("audit-wallet.adjustment.execute")).toBeVisible();

  await Promise.all([requesterContext.close(), approverContext.close(), auditorContext.close()]);
});
