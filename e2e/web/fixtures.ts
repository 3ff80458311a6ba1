import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { createDb, type Db, hashPassword, newId } from "@pitboss/db";
import { uniqueEmail } from "@pitboss/db/testing";
import { expect, type Page } from "@playwright/test";

/**
 * Player-site fixtures: a verified player of its own per test (seeded through @pitboss/db, so parallel tests never
 * share a balance), signed in through the sign-in page, funded with the demo credits the wallet offers.
 */

let shared: Db | undefined;
const db = () => {
  shared ??= createDb({ url: process.env.DATABASE_URL ?? "", maxConnections: 2 });
  return shared;
};
export const closeDb = async () => {
  await shared?.close();
  shared = undefined;
};

const password = "e2e player password 1";
let passwordHash: Promise<string> | undefined;

/** A verified EUR player who has never played. */
export const createPlayer = async (label: string) => {
  passwordHash ??= hashPassword(password);
  const email = uniqueEmail(`e2e-${label}`);
  await db().prisma.player.create({
    data: {
      id: newId("player"),
      email,
      displayName: `Player ${label}`,
      passwordHash: await passwordHash,
      country: "DE",
      dateOfBirth: new Date("1990-01-01T00:00:00Z"),
      currency: "EUR",
      emailVerifiedAt: new Date(),
    },
  });
  return { email, password };
};

/** A new verified player, signed in through the form; the header's balance is on screen. */
export const signInNew = async (page: Page, label: string) => {
  const player = await createPlayer(label);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(player.email);
  await page.getByLabel("Password").fill(player.password);
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await expect(page.getByTestId("balance")).toBeVisible({ timeout: 45_000 });
  return player;
};

/** Signs in through the form, then adds the demo credits (€100.00) through the wallet's tRPC procedure. */
export const signInFunded = async (page: Page, label: string) => {
  const player = await signInNew(page, label);
  const credits = await page.request.post("/api/trpc/wallet.addDemoCredits", {
    data: { json: { idempotencyKey: randomUUID() } },
  });
  expect(credits.status()).toBe(200);
  return player;
};

/**
 * No serious or critical WCAG 2.1 AA violation on the screen as it settles: running transitions finish first (a
 * button fading in from its disabled look is half transparent for 150 ms, and contrast is judged on what it becomes).
 */
export const expectAccessible = async (page: Page) => {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        // A transition cut short (the element changed again) rejects: it is over either way.
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
};
