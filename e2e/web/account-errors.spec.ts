import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";

/** Each refusal shows a clear message in the visitor's language (the errors catalog, keyed by domain code). */
const fillSignUp = async (page: Page, values: { email: string; password: string; dateOfBirth: string }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(values.email);
  await page.getByLabel("Password").fill(values.password);
  await page.getByLabel("Display name").fill("Tester");
  await page.getByLabel("Date of birth").fill(values.dateOfBirth);
  await page.getByRole("button", { name: "Create account" }).click();
};

const uniqueEmail = () => `visitor-${randomBytes(4).toString("hex")}@example.com`;

test("[WEB]: an under-age sign-up is refused with a clear message", async ({ page }) => {
  const year = new Date().getUTCFullYear() - 17;
  await fillSignUp(page, { email: uniqueEmail(), password: "correct-horse-7", dateOfBirth: `${year}-01-01` });
  await expect(page.getByTestId("form-error")).toHaveText("You must be at least 18 years old to open an account.");
});

test("[WEB]: a taken email is refused, whatever its case", async ({ page }) => {
  await fillSignUp(page, { email: "Alice@Demo.Pitboss.dev", password: "correct-horse-7", dateOfBirth: "1990-01-01" });
  await expect(page.getByTestId("form-error")).toContainText("An account with this email address already exists.");
});

test("[WEB]: a weak password is refused with the rules", async ({ page }) => {
  await fillSignUp(page, { email: uniqueEmail(), password: "password123", dateOfBirth: "1990-01-01" });
  await expect(page.getByTestId("form-error")).toContainText("Choose a stronger password");
});

test("[WEB]: a wrong login gets one answer for known and unknown emails, translated", async ({ page, context }) => {
  for (const email of ["alice@demo.pitboss.dev", uniqueEmail()]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("The email or password is wrong.");
  }
  await context.addCookies([{ name: "pitboss-locale", value: "de", url: page.url() }]);
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.getByLabel("E-Mail").fill("alice@demo.pitboss.dev");
  await page.getByLabel("Passwort").fill("not-the-password-1");
  await page.getByRole("button", { name: "Anmelden" }).last().click();
  await expect(page.getByTestId("form-error")).toHaveText("E-Mail oder Passwort ist falsch.");
});

test("[WEB]: a seeded player signs in, stars a game and finds it among the favourites", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("carmen@demo.pitboss.dev");
  await page.getByLabel("Password").fill("play-pitboss-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("balance")).toBeVisible();
  await page.getByRole("button", { name: "Add Dice to favourites" }).first().click();
  await expect(page.getByTestId("section-favourites").getByText("Dice")).toBeVisible();
  await page.getByTestId("lobby-search").fill("roul");
  await expect(page.getByTestId("game-list").locator("li")).toHaveCount(1);
});

test("[WEB]: signing out everywhere ends the session on another device too", async ({ browser, baseURL }) => {
  const signIn = async () => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto("/sign-in?next=/account");
    await page.getByLabel("Email").fill("deniz@demo.pitboss.dev");
    await page.getByLabel("Password").fill("play-pitboss-1");
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await expect(page).toHaveURL((url) => url.pathname === "/account");
    return { context, page };
  };
  const phone = await signIn();
  const laptop = await signIn();
  await phone.page.getByTestId("sign-out-everywhere").click();
  await expect(phone.page).toHaveURL(/\/sign-in/);
  await laptop.page.goto("/wallet");
  await expect(laptop.page).toHaveURL(/\/sign-in\?next=%2Fwallet/);
  await phone.context.close();
  await laptop.context.close();
});
