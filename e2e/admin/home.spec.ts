import { demoPlayers, demoStaff } from "@pitboss/db/testing";
import { expect, test } from "@playwright/test";

test("[ADMIN]: the home page counts the seeded players and staff", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("stat-players")).toHaveText(String(demoPlayers.length));
  await expect(page.getByTestId("stat-staff")).toHaveText(String(demoStaff.length));
});
