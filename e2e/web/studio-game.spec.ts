import { createDb, type Db } from "@pitboss/db";
import { expect, test } from "@playwright/test";
import { signInFunded } from "./fixtures";

/**
 * A third-party game end to end: the player opens the demo studio's Lucky Wheel from the lobby, the studio's page
 * plays in the iframe, and each spin reaches our wallet as the studio's own signed Hub88-style bet and win over HTTP
 * (the demo studio runs as its own process: playwright.config.ts).
 */
const demoStudioUrl = `http://127.0.0.1:${process.env.E2E_DEMO_STUDIO_PORT ?? 3102}`;

let shared: Db | undefined;
const db = () => {
  shared ??= createDb({ url: process.env.DATABASE_URL ?? "", maxConnections: 2 });
  return shared;
};
test.afterAll(async () => {
  await shared?.close();
  shared = undefined;
});

test.beforeAll(async () => {
  // The seed points the demo studio at `npm start`'s port (3002); the studio under test listens on its own.
  await db().prisma.gameProvider.update({
    where: { code: "demostudio" },
    data: { launchUrl: `${demoStudioUrl}/game` },
  });
});

const cashOf = async (email: string) => {
  const { rows } = await db().pool.query<{ id: string; cash: string }>(
    `SELECT p.id, a.balance_minor::text AS cash FROM player p
       JOIN account a ON a.player_id = p.id AND a.type = 'CASH' AND a.currency = p.currency AND a.scope = ''
      WHERE p.email = $1`,
    [email],
  );
  const row = rows[0];
  if (!row) throw new Error(`no cash account for ${email}`);
  return { playerId: row.id, cashMinor: BigInt(row.cash) };
};

test("[WEB]: a studio game opened from the lobby plays in its frame, and every spin moves money once through our wallet", async ({
  page,
}) => {
  const player = await signInFunded(page, "studio");
  const before = await cashOf(player.email);

  await page.goto("/");
  await page
    .getByTestId("game-list")
    .getByRole("link", { name: /Lucky Wheel/ })
    .click();
  await expect(page).toHaveURL(/\/play\/studio\/demo-studio-wheel/);
  const frame = page.frameLocator('[data-testid="studio-frame"]');
  // The studio reads the balance from our wallet with the session token the launch gave it.
  await expect(frame.locator("#balance")).toHaveText("100.00", { timeout: 30_000 });

  await frame.getByLabel("Stake").selectOption("1.00");
  await frame.getByRole("button", { name: "Spin" }).click();
  await expect(frame.getByRole("status")).toHaveText(/No win this time\.|you win/, { timeout: 30_000 });

  // The studio's bet and win are in the bridge once each, in one closed round, and the ledger agrees with them.
  const { rows } = await db().pool.query<{ kind: string; amount: string; status: string; round: string }>(
    `SELECT t.kind, t.amount_minor::text AS amount, t.status, r.status AS round
       FROM bridge_transaction t
       JOIN bridge_round r ON r.provider = t.provider AND r.player_id = t.player_id
                          AND r.provider_round_id = t.provider_round_id
      WHERE t.provider = 'demostudio' AND t.player_id = $1 ORDER BY t.kind`,
    [before.playerId],
  );
  expect(rows.map(({ kind, status, round }) => ({ kind, status, round }))).toEqual([
    { kind: "BET", status: "OK", round: "CLOSED" },
    { kind: "WIN", status: "OK", round: "CLOSED" },
  ]);
  const [bet, win] = rows as [(typeof rows)[number], (typeof rows)[number]];
  expect(bet.amount).toBe("100");
  const after = await cashOf(player.email);
  expect(after.cashMinor).toBe(before.cashMinor - 100n + BigInt(win.amount));

  // The studio's frame shows the wallet's balance, and so does the casino's header once the frame says it changed.
  const shown = `${after.cashMinor / 100n}.${(after.cashMinor % 100n).toString().padStart(2, "0")}`;
  await expect(frame.locator("#balance")).toHaveText(shown);
  await expect(page.getByTestId("balance")).toContainText(shown);
});
