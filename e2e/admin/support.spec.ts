import { randomUUID } from "node:crypto";
import { newId } from "@pitboss/db";
import { expect, test } from "@playwright/test";
import { closeDb, createPlayer, db, signInAs, trpc } from "./fixtures";

test.afterAll(closeDb);

test("[ADMIN]: support finds a player, adds a note, and cannot adjust a balance", async ({ page }) => {
  const player = await createPlayer("e2e-support");
  await signInAs(page.request, "SUPPORT");
  await page.goto("/players");
  await page.getByLabel("Email, id, name or phone").fill(player.email);
  await page.keyboard.press("Enter");
  await page.getByRole("link", { name: player.email }).click();
  await expect(page.getByTestId("player-email")).toHaveText(player.email);

  await page.getByLabel("New note").fill("Asked about bonus terms; explained wagering.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("player-notes")).toContainText("Asked about bonus terms");

  // Hidden in the UI…
  await expect(page.getByTestId("player-balances")).toBeVisible();
  await expect(page.getByTestId("adjustment-form")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Adjustments" })).toBeVisible();
  // …and refused by the server.
  const refused = await trpc(page.request, "admin.adjustment.create", {
    playerId: player.id,
    currency: "EUR",
    amount: "50.00",
    reasonCode: "GOODWILL",
    note: "trying anyway",
    idempotencyKey: randomUUID(),
  });
  expect(refused.status).toBe(403);
  expect(refused.body.error?.json?.data?.domainCode).toBe("FORBIDDEN");
});

test("[ADMIN]: support finds a seeded player by phone and sees rounds and sign-ins", async ({ page }) => {
  await signInAs(page.request, "SUPPORT");
  await page.goto("/players");
  // The demo seed gives Alice +4915112345678; staff type it however they like.
  await page.getByLabel("Email, id, name or phone").fill("+49 151 1234 5678");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("player-results")).toContainText("+4915112345678");
  await page.getByRole("link", { name: "alice@demo.pitboss.dev" }).click();
  await expect(page.getByTestId("player-phone")).toHaveText("+4915112345678");
  await expect(page.getByRole("heading", { name: "Recent rounds" })).toBeVisible();
  await expect(page.getByTestId("player-rounds")).toContainText("Round id");
  await expect(page.getByRole("heading", { name: "Sign-ins" })).toBeVisible();
  await expect(page.getByTestId("player-sessions")).toBeVisible();
  // Payments are not built yet: nothing about them is shown.
  await expect(page.getByRole("heading", { name: /payment/i })).toHaveCount(0);
});

test("[ADMIN]: support sees a player's sign-ins and signs them out everywhere", async ({ page }) => {
  const player = await createPlayer("e2e-sessions");
  await db().prisma.authAttempt.create({
    data: { id: newId("authAttempt"), kind: "SIGN_IN", email: player.email, ip: "198.51.100.23", isSuccess: false },
  });
  await signInAs(page.request, "SUPPORT");
  await page.goto(`/players/${player.id}`);
  await expect(page.getByTestId("player-email")).toHaveText(player.email);
  await expect(page.getByTestId("player-rounds")).toContainText("No rounds yet.");
  const signIns = page.getByTestId("player-sessions");
  await expect(signIns).toContainText("198.51.100.23");
  await expect(signIns).toContainText("failed");

  await page.getByLabel("Reason for signing the player out").fill("Reported a lost phone");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByText("Every session of this player has ended")).toBeVisible();
  const player360 = await db().prisma.player.findUniqueOrThrow({
    where: { id: player.id },
    select: { sessionVersion: true },
  });
  expect(player360.sessionVersion).toBe(1);
});

test("[ADMIN]: risk closes an account; only an admin reopens it", async ({ page }) => {
  const player = await createPlayer("e2e-close");
  await signInAs(page.request, "RISK");
  await page.goto(`/players/${player.id}`);
  const restrictions = page.getByTestId("player-restrictions");
  await page.getByLabel("Restriction", { exact: true }).selectOption("CLOSE");
  await page.getByLabel("Reason", { exact: true }).fill("Asked us to close the account");
  await page.getByRole("button", { name: "Restrict" }).click();
  await expect(restrictions).toContainText("Close account");
  // Hidden in the UI…
  await expect(restrictions).toContainText("only an admin reopens a closed account");
  await expect(page.getByRole("button", { name: "Reopen account" })).toHaveCount(0);
  // …and refused by the server.
  const { id: restrictionId } = await db().prisma.playerRestriction.findFirstOrThrow({
    where: { playerId: player.id, type: "CLOSE" },
    select: { id: true },
  });
  const refused = await trpc(page.request, "admin.player.restriction.reopen", { restrictionId, reason: "reopen" });
  expect(refused.status).toBe(403);
  expect(refused.body.error?.json?.data?.domainCode).toBe("FORBIDDEN");

  await signInAs(page.request, "ADMIN");
  await page.reload();
  await page.getByLabel("Reason for lifting").fill("Closed by mistake");
  await page.getByRole("button", { name: "Reopen account" }).click();
  await expect(restrictions).toContainText("lifted");
  const reopened = await db().prisma.player.findUniqueOrThrow({ where: { id: player.id }, select: { status: true } });
  expect(reopened.status).toBe("ACTIVE");
});
