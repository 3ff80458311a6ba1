import { expect as baseExpect, test } from "@playwright/test";
import { closeDb, signInNew } from "./fixtures";

const expect = baseExpect.configure({ timeout: 15_000 });

test.afterAll(closeDb);

/**
 * A deposit made while the page's first balance read is still on the wire must still show. That read saw the
 * balance before the deposit; the page has to read again rather than settle for it (CI once showed €0.00 here).
 */
test("[WEB]: demo credits show in the balance even when the page's first balance read answers after them", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInNew(page, "late-read");

  // Hold the wallet page's first balance read: fetched from the server now, handed to the page only once the
  // deposit has answered.
  let isHeld = false;
  let markRequested = () => {};
  let releaseRead = () => {};
  const requested = new Promise<void>((resolve) => {
    markRequested = resolve;
  });
  const released = new Promise<void>((resolve) => {
    releaseRead = resolve;
  });
  await page.route(
    (url) => url.pathname.startsWith("/api/trpc/") && url.pathname.includes("wallet.summary"),
    async (route) => {
      if (isHeld) return route.continue();
      isHeld = true;
      const response = await route.fetch();
      markRequested();
      await released;
      await route.fulfill({ response });
    },
  );

  await page.goto("/wallet");
  await requested; // the page has hydrated and asked for its balance
  const deposited = page.waitForResponse((response) => response.url().includes("wallet.addDemoCredits"));
  await page.getByTestId("demo-credits").click();
  expect((await deposited).status()).toBe(200);
  releaseRead();

  await expect(page.getByTestId("demo-added")).toBeVisible();
  await expect(page.getByTestId("balance")).toHaveText("€100.00");
  await expect(page.getByTestId("wallet-cash")).toHaveText("€100.00");
  await expect(page.getByTestId("wallet-net")).toHaveText("€100.00");
});
