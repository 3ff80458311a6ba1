import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { launchStudioGame } from "../domains/bridge/launch-game";
import { signPitbossRequest } from "../domains/bridge/pitboss/pitboss-signature";
import { MAX_BODY_BYTES } from "../domains/bridge/provider-request";
import { registerProvider, registerStudioGame } from "../domains/bridge/providers";
import { createTestDeps } from "../testing/context";
import { cashOf } from "../testing/rounds";
import { createFundedPlayer } from "../testing/wallet";
import { startStudioGateway } from "./gateway";

const provider = "gateway-studio";
const secret = randomBytes(32).toString("base64url");
// The gateway reads the same environment as the player site; this process's copy of it.
vi.stubEnv("STUDIO_CREDENTIALS", JSON.stringify({ [provider]: { secret } }));
vi.stubEnv("STUDIO_RATE_LIMIT", "off");
vi.stubEnv("LOG_LEVEL", "silent");

const deps = createTestDeps();
let gateway: Awaited<ReturnType<typeof startStudioGateway>>;

beforeAll(async () => {
  await registerProvider(deps, {
    code: provider,
    name: "Gateway studio",
    protocol: "PITBOSS",
    launchUrl: "https://gw.test/play",
  });
  await registerStudioGame(deps, {
    provider,
    externalCode: "gw_wheel",
    slug: "gw-wheel",
    name: "Gateway Wheel",
    category: "slots",
    rtpBps: 9500,
    volatility: "MEDIUM",
    limits: [{ currency: "EUR", minStakeMinor: 1n, maxStakeMinor: 100_000n }],
  });
  gateway = await startStudioGateway({ host: "127.0.0.1" });
});
afterAll(async () => {
  await gateway.close();
  await deps.db.close();
});

const player = async () => {
  const funded = await createFundedPlayer(deps, 10_000n);
  const launch = await launchStudioGame(deps, { slug: "gw-wheel", playerId: funded.id });
  return { id: funded.id, token: new URL(launch.url).searchParams.get("token") as string };
};

const betBody = (p: { id: string; token: string }, amountMinor = "250") =>
  JSON.stringify({
    requestId: randomUUID(),
    playerId: p.id,
    token: p.token,
    transactionId: randomUUID(),
    roundId: randomUUID(),
    gameCode: "gw_wheel",
    currency: "EUR",
    amountMinor,
  });

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}${path}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

const signedBet = (body: string) =>
  post(`/api/providers/pitboss/v1/${provider}/bet`, body, signPitbossRequest(secret, body, new Date()));

describe("studio wallet gateway (plain node:http, the player site's studio URLs)", () => {
  it("takes a signed bet once: the retry gets the same bytes and moves nothing", async () => {
    const p = await player();
    const body = betBody(p);
    const first = await signedBet(body);
    const firstBytes = Buffer.from(await first.arrayBuffer());
    expect(first.status).toBe(200);
    expect(first.headers.get("x-request-id")).toBeTruthy();
    expect(first.headers.get("strict-transport-security")).toContain("max-age");
    expect(JSON.parse(firstBytes.toString())).toMatchObject({ balance: { cashMinor: "9750" } });

    // Our protocol's nonce (requestId) is single-use: a studio retries a transaction as a new, re-signed request.
    const replay = await signedBet(JSON.stringify({ ...JSON.parse(body), requestId: randomUUID() }));
    expect(Buffer.from(await replay.arrayBuffer()).equals(firstBytes)).toBe(true);
    expect(await cashOf(deps, p.id)).toBe(9_750n);
  });

  it("refuses a forged signature and an oversize body with the protocol's error, moving nothing", async () => {
    const p = await player();
    const body = betBody(p);
    const forged = await post(`/api/providers/pitboss/v1/${provider}/bet`, body, {
      ...signPitbossRequest("not-the-studio-secret-at-all", body, new Date()),
    });
    expect(forged.status).not.toBe(200);
    expect(await forged.json()).toMatchObject({ error: { code: "INVALID_SIGNATURE" } });

    const huge = JSON.stringify({ pad: "x".repeat(MAX_BODY_BYTES) });
    const tooLarge = await post(
      `/api/providers/pitboss/v1/${provider}/bet`,
      huge,
      signPitbossRequest(secret, huge, new Date()),
    );
    expect(await tooLarge.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(await cashOf(deps, p.id)).toBe(10_000n);
  });

  it("traces a bet, its win and a rollback to the studio requests that made them (X-Request-Id in the ledger events)", async () => {
    const p = await player();
    const bet = JSON.parse(betBody(p)) as Record<"playerId" | "roundId" | "gameCode" | "currency", string>;
    const send = async (action: string, fields: Record<string, string>, requestId: string) => {
      const body = JSON.stringify({ requestId: randomUUID(), ...fields });
      const response = await post(`/api/providers/pitboss/v1/${provider}/${action}`, body, {
        ...signPitbossRequest(secret, body, new Date()),
        "x-request-id": requestId,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-request-id")).toBe(requestId);
    };
    await send("bet", bet, "studio-bet-0001");
    const { playerId, roundId, gameCode, currency } = bet;
    const win = { playerId, roundId, gameCode, currency, transactionId: randomUUID(), amountMinor: "400" };
    await send("win", win, "studio-win-0001");
    const rollback = { playerId, transactionId: randomUUID(), referenceTransactionId: win.transactionId };
    await send("rollback", rollback, "studio-rollback-0001");

    const { rows } = await deps.db.pool.query<{ kind: string; trace: string | null }>(
      `SELECT envelope->'payload'->>'kind' AS kind, envelope->>'traceId' AS trace
         FROM outbox_event WHERE player_id = $1 AND envelope->'payload'->>'kind' <> 'DEPOSIT' ORDER BY id`,
      [p.id],
    );
    expect(rows).toEqual([
      { kind: "BET", trace: "studio-bet-0001" },
      { kind: "WIN", trace: "studio-win-0001" },
      { kind: "ROLLBACK", trace: "studio-rollback-0001" },
    ]);
    expect(await cashOf(deps, p.id)).toBe(9_750n);
  });

  it("answers 404 off the studio routes and 405 to anything but POST", async () => {
    expect((await post("/api/trpc/wallet.balances", "{}")).status).toBe(404);
    expect((await post("/api/providers/pragmatic/a/b.html", "x=1")).status).toBe(404);
    expect((await fetch(`${gateway.url}/api/providers/pitboss/v1/${provider}/bet`)).status).toBe(405);
    expect(await (await fetch(`${gateway.url}/api/health`)).json()).toEqual({ status: "live" });
  });
});
