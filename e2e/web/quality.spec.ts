import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures";

/** Accessibility (no serious or critical axe violation) on the main public pages, in LTR and RTL. */
for (const [path, locale] of [
  ["/", "en"],
  ["/sign-in", "en"],
  ["/sign-up", "en"],
  ["/", "ar"],
  ["/offline", "he"],
] as const) {
  test(`[WEB]: ${path} in ${locale} has no serious accessibility violation`, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "pitboss-locale", value: locale, url: baseURL ?? "" }]);
    await page.goto(path);
    await expectAccessible(page);
  });
}

test("[WEB]: pages carry a nonce CSP and the security headers; the catalogue is CDN-cacheable, tRPC is private", async ({
  request,
}) => {
  const page = await request.get("/");
  const csp = page.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  // Frames only from the configured studio (the suite's demo studio, STUDIO_ORIGINS in playwright.config.ts).
  expect(csp).toContain(`frame-src http://127.0.0.1:${process.env.E2E_DEMO_STUDIO_PORT ?? 3102};`);
  expect(page.headers()["strict-transport-security"]).toContain("max-age=");
  expect(page.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const again = await request.get("/");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);

  const catalog = await request.get("/api/catalog");
  expect(catalog.headers()["cache-control"]).toBe("public, s-maxage=60, stale-while-revalidate=600");
  expect((await catalog.json()).games.length).toBeGreaterThan(0);

  const trpc = await request.get("/api/trpc/lobby.catalog");
  expect(trpc.headers()["cache-control"]).toContain("no-store");
  const manifest = await request.get("/manifest.webmanifest");
  expect((await manifest.json()).display).toBe("standalone");
  const worker = await request.get("/sw.js");
  expect(worker.headers()["cache-control"]).toBe("no-cache");
});
