import { expect, test } from "@playwright/test";

test("[WEB]: the lobby lists the seeded games", async ({ page }) => {
  await page.goto("/");
  const games = page.getByTestId("game-list");
  await expect(games.getByText("European Roulette")).toBeVisible();
  await expect(games.getByText("Dice", { exact: true })).toBeVisible();
});
