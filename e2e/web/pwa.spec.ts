import { expect, test } from "@playwright/test";

/**
 * The update prompt: a new service worker installs in the background and waits; the page offers "reload", and only
 * that swaps the workers. The "previous deploy" is the same worker registered under another script URL (for the
 * browser, a different worker): Playwright cannot rewrite the bytes of a service worker script the browser fetches.
 */
test("[WEB]: a new service worker waits for the player, who reloads into it from the update prompt", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const controllerScript = () => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);

  // The previous version is installed and controls the site (registered from a page without the app's code).
  await page.goto("/api/health");
  await page.evaluate(async () => {
    await navigator.serviceWorker.register("/sw.js?deploy=previous", { scope: "/" });
    await navigator.serviceWorker.ready;
  });

  // The next visit gets the current site, whose /sw.js is new: it installs and waits, and the prompt shows.
  await page.goto("/");
  const prompt = page.getByTestId("update-prompt");
  await expect(prompt).toBeVisible({ timeout: 20_000 });
  await expect(prompt).toContainText("A new version of Pitboss is ready.");
  expect(await controllerScript()).toMatch(/\/sw\.js\?deploy=previous$/);
  expect(
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.scriptURL ?? null),
  ).toMatch(/\/sw\.js$/);

  // Accepting reloads the page under the new worker; nothing is left waiting and the prompt is gone.
  const reloaded = page.waitForEvent("load");
  await prompt.getByRole("button", { name: "Reload" }).click();
  await reloaded;
  await expect.poll(controllerScript).toMatch(/\/sw\.js$/);
  await expect
    .poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)))
    .toBe(false);
  await expect(prompt).toHaveCount(0);
});
