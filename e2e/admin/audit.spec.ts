import { expect, test } from "@playwright/test";
import { closeDb, db, signInAs } from "./fixtures";

test.afterAll(closeDb);

test("[ADMIN]: the audit verifier reports the chain intact, then names a row altered in the database", async ({
  page,
}) => {
  const auditor = await signInAs(page.request, "AUDITOR");
  await page.goto("/audit");
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByTestId("audit-verify-result")).toContainText("Chain intact");

  // Tamper with the auditor's own sign-in row behind the triggers' back (as a superuser could), then restore it.
  const target = await db().prisma.auditLog.findFirstOrThrow({
    where: { actorId: auditor.id, action: "staff.auth.sign_in" },
    select: { id: true, seq: true, reason: true },
  });
  const client = await db().pool.connect();
  try {
    await client.query("SET session_replication_role = replica");
    await client.query("UPDATE audit_log SET reason = 'nothing to see here' WHERE id = $1", [target.id]);
    await page.getByRole("button", { name: "Verify chain" }).click();
    const result = page.getByTestId("audit-verify-result");
    await expect(result).toContainText(`Chain broken at row #${target.seq} (${target.id})`);
    await expect(result).toContainText("its content was altered");
  } finally {
    await client.query("UPDATE audit_log SET reason = $2 WHERE id = $1", [target.id, target.reason]);
    await client.query("SET session_replication_role = origin");
    client.release();
  }
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByTestId("audit-verify-result")).toContainText("Chain intact");
});
