import { expect, test } from "@playwright/test";
import { closeDb, signInAs } from "./fixtures";

test.afterAll(closeDb);

test("[ADMIN]: a signed-out visitor lands on the staff sign-in page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Email")).toBeFocused();
});

test("[ADMIN]: the home page shows today's figures and the role's work queues", async ({ page }) => {
  await signInAs(page.request, "FINANCE");
  await page.goto("/");
  await expect(page.getByTestId("home-figures")).toBeVisible();
  await expect(page.getByTestId("stat-active-players")).toBeVisible();
  await expect(page.getByTestId("queue-adjustments")).toBeVisible();
  await expect(page.getByRole("link", { name: "Staff" })).toHaveCount(0);
});

test("[ADMIN]: the back office serves only admin procedures", async ({ request }) => {
  expect((await request.get("/api/trpc/catalog.list")).status()).toBe(404);
  expect((await request.get("/api/trpc/admin.auth.me")).status()).toBe(200);
});
