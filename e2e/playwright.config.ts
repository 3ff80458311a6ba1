import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { e2eStudioPrivateKey, e2eStudioPublicKey } from "./api/studio-keys";

/**
 * End-to-end tests against production builds (`next start`) of both apps and a real PostgreSQL: run through
 * `npm run e2e -w @pitboss/e2e`, which provides a fresh, migrated, seeded database in DATABASE_URL.
 * The browser: CHROMIUM_PATH, else Debian's /usr/bin/chromium when present, else Playwright's own.
 */
const webPort = Number(process.env.E2E_WEB_PORT ?? 3100);
const adminPort = Number(process.env.E2E_ADMIN_PORT ?? 3101);
const pspPort = Number(process.env.E2E_PSP_PORT ?? 3103);
const demoStudioPort = Number(process.env.E2E_DEMO_STUDIO_PORT ?? 3102);
/** The demo studio under test: the origin the player site may frame (web/studio-game.spec.ts points the game at it). */
const e2eDemoStudioUrl = `http://127.0.0.1:${demoStudioPort}`;
/** The sandbox payment providers; they return browsers and send webhooks to the player site under test. */
const pspEnv = { PSP_SANDBOX_URL: `http://127.0.0.1:${pspPort}`, PUBLIC_WEB_URL: `http://127.0.0.1:${webPort}` };
/** Test-only key for staff TOTP secrets (32 bytes, base64); never used outside these throwaway databases. */
const e2eStaffMfaKey = "ZTJlLW9ubHktc3RhZmYtbWZhLWtleS0zMi1ieXRlcyE=";
/** Test-only Auth.js secret for the player site's session cookies. */
const e2eAuthSecret = "e2e-only-player-session-secret-0123456789abcdef";
const executablePath = process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { trace: "retain-on-failure" },
  projects: [
    { name: "web", testDir: "web", use: { ...chromium, baseURL: `http://127.0.0.1:${webPort}` } },
    { name: "admin", testDir: "admin", use: { ...chromium, baseURL: `http://127.0.0.1:${adminPort}` } },
    { name: "api", testDir: "api", use: { baseURL: `http://127.0.0.1:${webPort}` } },
  ],
  webServer: [
    {
      command: `npx next start --port ${webPort}`,
      cwd: "../apps/web",
      url: `http://127.0.0.1:${webPort}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        DATABASE_URL: process.env.DATABASE_URL ?? "",
        LOG_LEVEL: "warn",
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? "",
        // Production build in demo mode (mail outbox page, demo credits), with test-only secrets.
        PITBOSS_DEMO: "1",
        AUTH_SECRET: process.env.AUTH_SECRET || e2eAuthSecret,
        STAFF_MFA_KEY: process.env.STAFF_MFA_KEY || e2eStaffMfaKey,
        // The seeded demo studio's wallet key: the specs sign Hub88-style requests with its test-only private half.
        DEMO_STUDIO_PUBLIC_KEY: e2eStudioPublicKey,
        // The demo studio's origin for the game iframe (CSP frame-src).
        STUDIO_ORIGINS: e2eDemoStudioUrl,
        // A second studio with the same test key, whose kill switch admin/studios.spec.ts drills without ever
        // refusing the demo studio's bets of the specs running alongside.
        STUDIO_CREDENTIALS: JSON.stringify({ "e2e-studio": { publicKey: e2eStudioPublicKey } }),
        ...pspEnv,
      },
    },
    {
      command: `npx next start --port ${adminPort}`,
      cwd: "../apps/admin",
      url: `http://127.0.0.1:${adminPort}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        DATABASE_URL: process.env.DATABASE_URL ?? "",
        LOG_LEVEL: "warn",
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? "",
        // `next start` is production: the back office needs its own key for staff TOTP secrets (a test-only one).
        STAFF_MFA_KEY: process.env.STAFF_MFA_KEY || e2eStaffMfaKey,
        // Demo mode: the payment providers are the sandbox, with its public test credentials.
        PITBOSS_DEMO: "1",
        ...pspEnv,
      },
    },
    {
      command: "npx tsx ../packages/api/src/sandbox-psp/server.ts",
      url: `http://127.0.0.1:${pspPort}/cardpay/health`,
      reuseExistingServer: false,
      // tsx compiles the sandbox at start: slow on a busy machine.
      timeout: 180_000,
      env: { LOG_LEVEL: "warn", PSP_SANDBOX_PORT: String(pspPort), ...pspEnv },
    },
    {
      // The demo studio, a process of its own as `npm start` runs it, signing with the e2e studio key and calling the
      // player site under test over HTTP: the browser specs play its game in the lobby's iframe.
      command: "npx tsx ../packages/api/src/demo-studio/server.ts",
      url: `${e2eDemoStudioUrl}/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        LOG_LEVEL: "warn",
        DEMO_STUDIO_PORT: String(demoStudioPort),
        DEMO_STUDIO_PRIVATE_KEY: e2eStudioPrivateKey,
        DEMO_STUDIO_WALLET_URL: `http://127.0.0.1:${webPort}/api/providers/hub88/demostudio`,
        DEMO_STUDIO_FRAME_ANCESTORS: `http://127.0.0.1:${webPort}`,
      },
    },
  ],
});
