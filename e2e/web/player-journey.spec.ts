import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";

/**
 * The "done when", as a new visitor: sign up, verify the email from the outbox, get demo credits, play
 * dice and roulette, watch the balance and history change, verify a round after rotating the seed, switch to
 * Arabic (mirrored layout), then go offline and get the offline page.
 */
test.describe.configure({ mode: "serial" });

const password = "correct-horse-7";

const balanceText = async (page: Page) => (await page.getByTestId("balance").textContent()) ?? "";

const signUp = async (page: Page, email: string) => {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Display name").fill("Nova");
  await page.getByLabel("Date of birth").fill("1994-03-14");
  await page.getByLabel("Country").selectOption("DE");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/wallet");
};

test("[WEB]: a new visitor signs up, verifies, plays dice and roulette, verifies a round, reads Arabic, goes offline", async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  const email = `nova-${randomBytes(4).toString("hex")}@example.com`;
  await signUp(page, email);
  await expect(page.getByTestId("verify-banner")).toBeVisible();

  // Verify the email from the demo outbox.
  await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
  const mail = page.locator('[data-testid="outbox-mail"][data-template="verify-email"]').first();
  await mail.getByRole("link").click();
  // The confirm button is a client component: wait until the page has hydrated before pressing it.
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByTestId("verify-done")).toBeVisible();

  // Demo credits: €100.00 of play money.
  await page.goto("/wallet");
  await expect(page.getByTestId("verify-banner")).toHaveCount(0);
  await page.getByTestId("demo-credits").click();
  await expect(page.getByTestId("demo-added")).toBeVisible();
  await expect(page.getByTestId("balance")).toHaveText("€100.00");
  await expect(page.getByTestId("wallet-net")).toHaveText("€100.00");

  // Dice: one bet; the header balance changes without a reload.
  await page.goto("/play/dice");
  await expect(page.getByTestId("balance")).toHaveText("€100.00");
  await page.getByTestId("play").click();
  await expect(page.getByTestId("play-result")).toBeVisible();
  await expect(page.getByTestId("balance")).not.toHaveText("€100.00");
  const afterDice = await balanceText(page);

  // Roulette: a chip on red, spin.
  await page.goto("/play/roulette");
  await page.getByTestId("roulette-red").click();
  await expect(page.getByTestId("roulette-total")).toContainText("€1.00");
  await page.getByTestId("play").click();
  await expect(page.getByTestId("play-result")).toBeVisible();
  await expect(page.getByTestId("balance")).not.toHaveText(afterDice);

  // Provably fair: rotate (reveals the server seed), then recompute the last roulette round.
  const hashBefore = (await page.getByTestId("server-seed-hash").textContent()) ?? "";
  await page.getByTestId("rotate-seed").click();
  await expect(page.getByTestId("server-seed-hash")).not.toHaveText(hashBefore);
  await expect(page.getByTestId("previous-seed")).toBeVisible();
  await page.getByTestId("verify-round").click();
  await expect(page.getByTestId("verify-verdict").locator("[data-match]")).toHaveAttribute("data-match", "true");

  // History: the wallet lists the bets and wins, the rounds are there for recall.
  await page.goto("/wallet");
  const transactions = page.getByTestId("transactions");
  await expect(transactions.getByRole("cell", { name: "Deposit" })).toBeVisible();
  await expect(transactions.getByRole("cell", { name: "Bet" })).toHaveCount(2);
  await expect(page.getByTestId("round-history").locator("li")).toHaveCount(2);
  await expect(page.getByTestId("wallet-cash")).toHaveText(await balanceText(page));

  const csv = await page.request.get("/wallet/transactions.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["cache-control"]).toBe("private, no-store");
  const csvLines = (await csv.text()).trim().split("\r\n");
  expect(csvLines[0]).toBe("time_utc,transaction_id,kind,account,amount,balance_after,currency,round_id");
  expect(csvLines.at(-1)).toContain(",DEPOSIT,CASH,100.00,100.00,EUR,");

  // The lobby remembers what was played.
  await page.goto("/");
  await expect(page.getByTestId("section-recent").locator("li")).toHaveCount(2);

  // Arabic: right to left, and the header mirrored (the brand moves to the right edge).
  await page.goto("/wallet");
  await page.getByTestId("language-switcher").selectOption("ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("المحفظة");
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  const brand = await page.getByTestId("brand").boundingBox();
  expect(brand && brand.x + brand.width).toBeGreaterThan(viewport.width * 0.75);
  const ltrBrand = await page.evaluate(() => getComputedStyle(document.body).direction);
  expect(ltrBrand).toBe("rtl");

  // Offline: once the service worker controls the page and holds the offline page, a navigation offline shows it.
  await page.goto("/");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 50 && !(await caches.match("/offline")); i += 1) await new Promise((r) => setTimeout(r, 100));
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.goto("/wallet").catch(() => undefined);
  await expect(page.getByTestId("offline-page")).toBeVisible();
  await expect(page.getByTestId("offline-page").getByRole("heading")).toHaveText("أنت غير متصل");
  // Personal data never comes from the service worker's cache: /api calls fail offline, and no /api or page
  // response (other than the cookie-less offline page) is stored.
  const apiOffline = await page.evaluate(() =>
    fetch("/api/trpc/wallet.summary").then(
      () => "served",
      () => "failed",
    ),
  );
  expect(apiOffline).toBe("failed");
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  expect(cached.filter((url) => url.startsWith("/api/"))).toEqual([]);
  expect(cached.filter((url) => !url.startsWith("/_next/static/") && !url.startsWith("/icons/"))).toEqual(["/offline"]);
  await context.setOffline(false);
});
