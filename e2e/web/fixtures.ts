import { randomUUID } from "node:crypto";
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
