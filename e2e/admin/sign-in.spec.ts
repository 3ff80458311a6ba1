import { expect, test } from "@playwright/test";
import { closeDb, createStaff, totpCode } from "./fixtures";

test.afterAll(closeDb);

test("[ADMIN]: a new staff member signs in, enrols TOTP, and signs in again with a code", async ({ page }) => {
  const staff = await createStaff("SUPPORT");
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Continue" }).click();

  // First sign-in: enrolment with a QR code (and the key for manual entry, read here like a person would).
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const enrolledAt = Date.now();
  await page.getByLabel("Code").fill(totpCode(secret, enrolledAt));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText("E2E SUPPORT");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Two-step verification")).toBeVisible();
  // The enrolment code's time step is spent (a replay is refused); the authenticator's next code is accepted.
  await page.getByLabel("Code").fill(totpCode(secret, enrolledAt));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code was already used")).toBeVisible();
  await page.getByLabel("Code").fill(totpCode(secret, enrolledAt + 30_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText("E2E SUPPORT");
});
