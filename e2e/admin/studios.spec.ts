import { createHash, randomBytes, randomUUID, sign } from "node:crypto";
import { newId } from "@pitboss/db";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { e2eStudioPrivateKey } from "../api/studio-keys";
import { closeDb, createPlayer, db, signInAs } from "./fixtures";

/**
 * The studios section of the back office against the player site's real wallet route. The kill switch is drilled on
 * a studio of its own (`e2e-studio`, signing with the e2e studio key: STUDIO_CREDENTIALS in playwright.config.ts),
 * so switching it off never refuses the demo studio's bets that other specs place at the same time.
 */
const provider = "e2e-studio";
const gameCode = "e2e_wheel";
const webBase = `http://127.0.0.1:${process.env.E2E_WEB_PORT ?? 3100}`;

test.afterAll(closeDb);

/** The studio and its game in the catalogue (as `registerProvider` / `registerStudioGame` would write them). */
const registerStudio = async () => {
  await db().prisma.gameProvider.upsert({
    where: { code: provider },
    update: { isEnabled: true, disabledReason: null },
    create: { code: provider, name: "E2E Studio", protocol: "HUB88", launchUrl: "https://e2e-studio.test/play" },
  });
  const game = await db().prisma.game.upsert({
    where: { slug: "e2e-studio-wheel" },
    update: {},
    create: {
      id: newId("game"),
      slug: "e2e-studio-wheel",
      name: "E2E Wheel",
      provider,
      category: "slots",
      rtpBps: 9600,
      externalCode: gameCode,
      volatility: "HIGH",
    },
  });
  await db().prisma.gameLimit.upsert({
    where: { gameId_currency: { gameId: game.id, currency: "EUR" } },
    update: {},
    create: { gameId: game.id, currency: "EUR", minStakeMinor: 10n, maxStakeMinor: 100_000n },
  });
  return game;
};

/** A player with 10.00 EUR deposited through the ledger and a session on the studio's game, as a launch makes. */
const playerWithSession = async (gameId: string) => {
  const player = await createPlayer("e2e-studio-player");
  await db().pool.query("SELECT ledger_transfer($1, $2, $3, $4)", [
    {
      id: newId("transaction"),
      kind: "DEPOSIT",
      playerId: player.id,
      currency: "EUR",
      idempotencyScope: "e2e",
      idempotencyKey: `deposit:${player.id}`,
      requestHash: "e2e:1000",
      metadata: {},
    },
    JSON.stringify([
      { playerId: null, type: "PSP_CLEARING", scope: "e2e", amount: "-1000" },
      { playerId: player.id, type: "CASH", scope: "", amount: "1000" },
    ]),
    { eventId: newId("event") },
    [newId("account"), newId("account")],
  ]);
  const token = randomBytes(32).toString("base64url");
  await db().prisma.gameSession.create({
    data: {
      id: newId("gameSession"),
      tokenHash: createHash("sha256").update(token).digest("hex"),
      playerId: player.id,
      gameId,
      provider,
      currency: "EUR",
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return { playerId: player.id, token };
};

/** A Hub88-style bet of 1.00 EUR, signed like the studio signs it, sent to the player site's wallet route. */
const studioBet = async (request: APIRequestContext, player: { playerId: string; token: string }, round: string) => {
  const body = Buffer.from(
    JSON.stringify({
      user: player.playerId,
      token: player.token,
      transaction_uuid: randomUUID(),
      round,
      round_closed: false,
      game_code: gameCode,
      currency: "EUR",
      amount: 100_000,
      request_uuid: randomUUID(),
    }),
  );
  const response = await request.post(`${webBase}/api/providers/hub88/${provider}/transaction/bet`, {
    data: body,
    headers: {
      "content-type": "application/json",
      "x-hub88-signature": sign("sha256", body, e2eStudioPrivateKey).toString("base64"),
    },
  });
  return ((await response.json()) as { status: string }).status;
};

test("[ADMIN]: the kill switch refuses a studio's bets until it is switched back on; its open round is listed", async ({
  page,
}) => {
  const game = await registerStudio();
  const player = await playerWithSession(game.id);
  await signInAs(page.request, "ADMIN");

  await page.goto("/studios");
  const row = page.getByTestId(`provider-${provider}`);
  await expect(row.getByTestId("provider-status")).toHaveText("on");

  // Off, with a confirmation and a reason: the studio's next bet is refused as an unavailable game.
  await row.getByRole("button", { name: "Switch off…" }).click();
  const confirm = page.getByTestId("studio-switch-confirm");
  await confirm.getByLabel("Reason (kept in the audit trail)").fill("E2E incident drill");
  await confirm.getByRole("button", { name: "Switch off", exact: true }).click();
  await expect(row.getByTestId("provider-status")).toHaveText("off");
  await expect(row).toContainText("E2E incident drill");
  expect(await studioBet(page.request, player, `round-${randomUUID()}`)).toBe("RS_ERROR_INVALID_GAME");

  await row.getByRole("button", { name: "Switch on…" }).click();
  await confirm.getByLabel("Reason (kept in the audit trail)").fill("Drill over");
  await confirm.getByRole("button", { name: "Switch on", exact: true }).click();
  await expect(row.getByTestId("provider-status")).toHaveText("on");
  const round = `round-${randomUUID()}`;
  expect(await studioBet(page.request, player, round)).toBe("RS_OK");

  // The catalogue shows the game with its RTP and limits.
  await row.getByRole("link", { name: "Catalogue: E2E Studio" }).click();
  const gameRow = page.getByTestId("game-e2e-studio-wheel");
  await expect(gameRow).toContainText("96.00%");
  await expect(gameRow).toContainText("0.10 EUR – 1,000.00 EUR");

  // The bet left its round open (the studio never closed it): the report lists it.
  await page.getByRole("link", { name: "Open rounds" }).click();
  const filter = page.getByTestId("open-rounds-filter");
  await filter.getByLabel("Provider").selectOption(provider);
  await filter.getByLabel("Open for at least (minutes)").fill("0");
  await filter.getByRole("button", { name: "Show" }).click();
  const openRound = page.getByTestId(`open-round-${round}`);
  await expect(openRound).toContainText(player.playerId);
  await expect(openRound).toContainText("E2E Wheel");
  await expect(openRound).toContainText("1.00 EUR");

  // Both switches are in the audit trail with their reasons.
  await page.goto("/audit");
  await page.getByLabel("Target id").fill(provider);
  await page.getByRole("button", { name: "Filter" }).click();
  const rows = page.getByTestId("audit-rows");
  await expect(rows.getByTestId("audit-studio.provider.disable")).toBeVisible();
  await expect(rows.getByTestId("audit-studio.provider.enable")).toBeVisible();
});
