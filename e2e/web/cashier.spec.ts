import { randomBytes } from "node:crypto";
import { type APIRequestContext, expect as baseExpect, type Page, test } from "@playwright/test";
import { totpCode, trpc } from "../admin/fixtures";

/**
 * The payments journey across three origins: the player site, the sandbox PSP's hosted pages (card form and 3-D
 * Secure challenge) and the back office. The deposit is credited by the provider's signed webhook, never by the
 * browser's return; the withdrawal above the auto-approval limit waits for a finance user, then is paid out.
 */
const password = "correct-horse-7";
// Three servers and a webhook round trip per step: generous waits, so a busy machine is slow but not red.
const expect = baseExpect.configure({ timeout: 45_000 });
test.use({ navigationTimeout: 90_000, actionTimeout: 60_000 });
const adminUrl = `http://127.0.0.1:${process.env.E2E_ADMIN_PORT ?? 3101}`;

/** A new visitor signs up and confirms the email from the demo outbox (deposits need a verified address). */
const signUpVerified = async (page: Page, email: string) => {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Display name").fill("Cash");
  await page.getByLabel("Date of birth").fill("1991-06-02");
  await page.getByLabel("Country").selectOption("DE");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/wallet");
  await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
  await page.locator('[data-testid="outbox-mail"][data-template="verify-email"]').first().getByRole("link").click();
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByTestId("verify-done")).toBeVisible();
};

/** The seeded finance user signs in through the back office's API: password, then TOTP enrolment. */
const signInDemoFinance = async (request: APIRequestContext) => {
  const signIn = await trpc(request, "admin.auth.signIn", {
    email: "finance@demo.pitboss.dev",
    password: "staff-pitboss-1",
  });
  expect(signIn.status).toBe(200);
  const started = await trpc(request, "admin.auth.mfa.enrolStart");
  const secret = (started.body.result?.data?.json as { secret?: string } | undefined)?.secret ?? "";
  expect((await trpc(request, "admin.auth.mfa.enrolConfirm", { code: totpCode(secret) })).status).toBe(200);
};

const payByCard = async (page: Page, card: string) => {
  await expect(page).toHaveURL(/\/cardpay\/pay\/pay_/);
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry date (MM/YY)").fill("12/34");
  await page.getByLabel("Security code (CVC)").fill("123");
  await page.getByLabel("Cardholder name").fill("Cash Tester");
  await page.getByRole("button", { name: /^Pay / }).click();
};

test("[WEB]: a new player deposits by card with 3-D Secure, plays, withdraws; finance approves; it is paid", async ({
  page,
  browser,
}) => {
  test.setTimeout(600_000);
  const email = `cashier-${randomBytes(4).toString("hex")}@example.com`;
  await signUpVerified(page, email);

  // Deposit €200 by card: the provider's page, its 3-D Secure challenge, and back.
  await page.getByTestId("nav-cashier").click();
  await expect(page.getByRole("tab", { name: "Deposit" })).toHaveAttribute("aria-selected", "true");
  const depositPanel = page.getByRole("tabpanel", { name: "Deposit" });
  await depositPanel.getByRole("radio", { name: /Card/ }).check();
  await depositPanel.getByLabel("Amount (EUR)").fill("200.00");
  await depositPanel.getByRole("button", { name: "Continue to payment" }).click();
  await payByCard(page, "4000 0000 0000 3220");
  await expect(page).toHaveURL(/\/cardpay\/pay\/pay_\w+\/3ds$/);
  await page.getByLabel("One-time code").fill("1234");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/cashier\/return\?payment=/);
  await expect(page.getByTestId("payment-status")).toHaveText("Completed", { timeout: 60_000 });
  await expect(page.getByTestId("balance")).toHaveText("€200.00");

  // Play a dice round.
  await page.goto("/play/dice");
  await page.getByTestId("play").click();
  await expect(page.getByTestId("play-result")).toBeVisible();
  await expect(page.getByTestId("balance")).not.toHaveText("€200.00");

  // Withdraw €150: above the €100 auto-approval limit, so it waits for finance, set aside from the balance.
  await page.goto("/cashier?tab=withdraw");
  const withdrawPanel = page.getByRole("tabpanel", { name: "Withdraw" });
  await withdrawPanel.getByRole("radio", { name: /Card/ }).check();
  await withdrawPanel.getByLabel("Amount (EUR)").fill("150.00");
  await withdrawPanel.getByRole("button", { name: "Request withdrawal" }).click();
  const result = page.getByTestId("cashier-result");
  await expect(result).toContainText("Awaiting approval");
  await expect(result).toContainText("Above the automatic approval limit");
  const history = page.getByTestId("payment-history").locator("li").filter({ hasText: "Withdrawal" });
  await expect(history).toHaveAttribute("data-status", "AWAITING_APPROVAL");

  // A finance user approves it in the back office.
  const adminContext = await browser.newContext({ baseURL: adminUrl });
  const admin = await adminContext.newPage();
  await signInDemoFinance(admin.request);
  await admin.goto("/withdrawals");
  const row = admin.getByTestId("withdrawal-queue").getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("150.00 EUR");
  await expect(row).toContainText("ABOVE_AUTO_APPROVAL");
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(row).toHaveCount(0);

  // The player sees it paid (the card provider pays asynchronously and confirms by webhook).
  await page.reload();
  await expect(history).toHaveAttribute("data-status", "PAID", { timeout: 60_000 });
  await expect(history).toContainText("Paid");

  // Finance finds the player's deposit and reads the provider's signed webhook that completed it.
  await admin.goto(`/payments?q=${encodeURIComponent(email)}&direction=DEPOSIT`);
  const results = admin.getByTestId("payment-results");
  await expect(results.getByRole("row").filter({ hasText: email })).toHaveCount(1);
  await results.getByRole("row").filter({ hasText: email }).getByRole("link", { name: /^pay_/ }).click();
  await expect(admin.getByTestId("payment-status")).toHaveText("completed");
  // Its signature badge reads exactly "valid" (never "invalid").
  await expect(admin.getByTestId("payment-webhooks").getByText("valid", { exact: true }).first()).toBeVisible();
  await adminContext.close();
});

test("[WEB]: a declined card shows the reason in the player's language, and no money moves", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(300_000);
  await page.goto("/sign-in?next=/wallet");
  await page.getByLabel("Email").fill("bruno@demo.pitboss.dev");
  await page.getByLabel("Password").fill("play-pitboss-1");
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await expect(page).toHaveURL((url) => url.pathname === "/wallet");
  await context.addCookies([{ name: "pitboss-locale", value: "pt-BR", url: baseURL ?? "" }]);

  await page.goto("/cashier");
  await expect(page.getByTestId("balance")).toHaveText(/\d/);
  const balance = (await page.getByTestId("balance").textContent()) ?? "";
  const depositPanel = page.getByRole("tabpanel", { name: "Depositar" });
  await depositPanel.getByRole("radio", { name: /Cartão/ }).check();
  await depositPanel.getByLabel("Valor (BRL)").fill("100,00");
  await depositPanel.getByRole("button", { name: "Continuar para o pagamento" }).click();
  await payByCard(page, "4000 0000 0000 0002");
  await expect(page).toHaveURL(/\/cashier\/return\?payment=/);
  await expect(page.getByTestId("payment-status")).toHaveText("Falhou", { timeout: 60_000 });
  await expect(page.getByTestId("payment-reason")).toHaveText(
    "Seu cartão foi recusado. Tente outro cartão ou outra forma de pagamento.",
  );
  await expect(page.getByTestId("balance")).toHaveText(balance);
});
