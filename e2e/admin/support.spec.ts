import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { closeDb, createPlayer, signInAs, trpc } from "./fixtures";

test.afterAll(closeDb);

test("[ADMIN]: support finds a player, adds a note, and cannot adjust a balance", async ({ page }) => {
  const player = await createPlayer("e2e-support");
  await signInAs(page.request, "SUPPORT");
  await page.goto("/players");
  await page.getByLabel("Email, id or name").fill(player.email);
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
