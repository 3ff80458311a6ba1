import { expect, test } from "@playwright/test";

/**
 * The "switches to Arabic and sees the mirrored layout (screenshot compared)": the sign-in page (header,
 * language switcher, form; nothing personal, random or timed on it) against committed baselines, in English and in
 * Arabic, where the brand moves to the right edge and labels, fields and links align right.
 * Baselines: `npm run e2e -w @pitboss/e2e -- --project web rtl-visual --update-snapshots` on Debian's Chromium.
 */
for (const locale of ["en", "ar"] as const) {
  test(`[WEB]: the sign-in page in ${locale} looks as recorded${locale === "ar" ? ", mirrored" : ""}`, async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addCookies([{ name: "pitboss-locale", value: locale, url: baseURL ?? "" }]);
    await page.setViewportSize({ width: 800, height: 560 });
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    await page.evaluate(() => document.fonts.ready);
    // Animations are stopped and the caret hidden by toHaveScreenshot's defaults; nothing has focus.
    await expect(page).toHaveScreenshot(`sign-in-${locale}.png`, { maxDiffPixelRatio: 0.002 });
  });
}
