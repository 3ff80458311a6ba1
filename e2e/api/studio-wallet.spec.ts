import { createHash, randomBytes, randomUUID, sign } from "node:crypto";
import { createDb, type Db, newId } from "@pitboss/db";
import { createTestPlayer } from "@pitboss/db/testing";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { e2eStudioPrivateKey } from "./studio-keys";

/**
 * The seamless-wallet bridge over real HTTP: requests signed like the demo studio signs them (RSA-SHA256 over the raw
 * body, Hub88 style) against the production build's route, on the seeded demo studio and its Lucky Wheel.
 */
let shared: Db | undefined;
const db = () => {
  shared ??= createDb({ url: process.env.DATABASE_URL ?? "", maxConnections: 2 });
  return shared;
};
test.afterAll(async () => {
  await shared?.close();
  shared = undefined;
});

/** A new player with `cashMinor` deposited through the ledger, and a game session as a launch would create it. */
const playerWithSession = async (cashMinor: bigint) => {
  const player = await createTestPlayer(db(), { currency: "EUR" });
  await db().pool.query("SELECT ledger_transfer($1, $2, $3, $4)", [
    {
      id: newId("transaction"),
      kind: "DEPOSIT",
      playerId: player.id,
      currency: "EUR",
      idempotencyScope: "e2e",
      idempotencyKey: `deposit:${player.id}`,
      requestHash: `e2e:${cashMinor}`,
      metadata: {},
    },
    JSON.stringify([
      { playerId: null, type: "PSP_CLEARING", scope: "e2e", amount: (-cashMinor).toString() },
      { playerId: player.id, type: "CASH", scope: "", amount: cashMinor.toString() },
    ]),
    { eventId: newId("event") },
    [newId("account"), newId("account")],
  ]);
  const game = await db().prisma.game.findUniqueOrThrow({ where: { slug: "demo-studio-wheel" }, select: { id: true } });
  const token = randomBytes(32).toString("base64url");
  await db().prisma.gameSession.create({
    data: {
      id: newId("gameSession"),
      tokenHash: createHash("sha256").update(token).digest("hex"),
      playerId: player.id,
      gameId: game.id,
      provider: "demostudio",
      currency: "EUR",
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return { playerId: player.id, token };
};

const signed = (payload: Record<string, unknown>) => {
  const body = Buffer.from(JSON.stringify({ ...payload, request_uuid: randomUUID() }));
  return { body, signature: sign("sha256", body, e2eStudioPrivateKey).toString("base64") };
};
const send = (request: APIRequestContext, action: string, message: { body: Buffer; signature: string }) =>
  request.post(`/api/providers/hub88/demostudio/${action}`, {
    data: message.body,
    headers: { "content-type": "application/json", "x-hub88-signature": message.signature },
  });

test("[API]: a studio's signed bet and win move money once through the Hub88-compatible wallet", async ({
  request,
}) => {
  const { playerId, token } = await playerWithSession(1_000n);
  const round = randomUUID();
  const betId = randomUUID();
  const bet = signed({
    user: playerId,
    token,
    transaction_uuid: betId,
    round,
    round_closed: false,
    game_code: "lucky_wheel",
    currency: "EUR",
    amount: 100_000,
  });
  const placed = await send(request, "transaction/bet", bet);
  expect(placed.status()).toBe(200);
  expect(await placed.json()).toMatchObject({ user: playerId, status: "RS_OK", currency: "EUR", balance: 900_000 });
  expect(placed.headers()["x-request-id"]).toBeTruthy();

  // An exact replay gets the stored answer, byte for byte, and moves nothing.
  const replay = await send(request, "transaction/bet", bet);
  expect((await replay.body()).equals(await placed.body())).toBe(true);

  const win = signed({
    user: playerId,
    transaction_uuid: randomUUID(),
    reference_transaction_uuid: betId,
    round,
    round_closed: true,
    game_code: "lucky_wheel",
    currency: "EUR",
    amount: 250_000,
  });
  expect(await (await send(request, "transaction/win", win)).json()).toMatchObject({
    status: "RS_OK",
    balance: 1_150_000,
  });

  const forged = {
    ...bet,
    signature: sign("sha256", Buffer.from("something else"), e2eStudioPrivateKey).toString("base64"),
  };
  expect((await (await send(request, "transaction/bet", forged)).json()).status).toBe("RS_ERROR_INVALID_SIGNATURE");

  const balance = await send(request, "user/balance", signed({ user: playerId, token, game_code: "lucky_wheel" }));
  expect((await balance.json()).balance).toBe(1_150_000);
});

test("[API]: a rollback before its bet leaves a tombstone, so the late bet moves no money", async ({ request }) => {
  const { playerId, token } = await playerWithSession(1_000n);
  const betId = randomUUID();
  const rollback = signed({
    user: playerId,
    transaction_uuid: randomUUID(),
    reference_transaction_uuid: betId,
    round: "r1",
  });
  expect((await (await send(request, "transaction/rollback", rollback)).json()).status).toBe("RS_OK");
  const late = signed({
    user: playerId,
    token,
    transaction_uuid: betId,
    round: "r1",
    game_code: "lucky_wheel",
    currency: "EUR",
    amount: 100_000,
  });
  expect((await (await send(request, "transaction/bet", late)).json()).status).toBe("RS_ERROR_TRANSACTION_ROLLED_BACK");
  const balance = await send(request, "user/balance", signed({ user: playerId, token, game_code: "lucky_wheel" }));
  expect((await balance.json()).balance).toBe(1_000_000);
});
