import { randomUUID } from "node:crypto";
import { createTestPlayer } from "@pitboss/db/testing";
import type { ServiceDeps } from "../src/deps";
import type { BridgeDeps } from "../src/domains/bridge/bridge.types";
import { credentialsFrom } from "../src/domains/bridge/credentials";
import { launchStudioGame } from "../src/domains/bridge/launch-game";
import { handlePitboss } from "../src/domains/bridge/pitboss/pitboss.handler";
import { signPitbossRequest } from "../src/domains/bridge/pitboss/pitboss-signature";
import { registerProvider, registerStudioGame } from "../src/domains/bridge/providers";
import { unlimited } from "../src/domains/bridge/rate-limit";
import { creditDeposit } from "../src/domains/wallet/payment-movements";

/** The bench's studio (our own protocol) and its one game, with stake limits wide enough for any bench stake. */
export const benchStudio = { provider: "bench-studio", gameCode: "bench_wheel", gameSlug: "bench-wheel" } as const;

export const registerBenchStudio = async (deps: ServiceDeps) => {
  await registerProvider(deps, {
    code: benchStudio.provider,
    name: "Bench studio",
    protocol: "PITBOSS",
    launchUrl: "https://bench.test/play",
  });
  await registerStudioGame(deps, {
    provider: benchStudio.provider,
    externalCode: benchStudio.gameCode,
    slug: benchStudio.gameSlug,
    name: "Bench Wheel",
    category: "slots",
    rtpBps: 9500,
    volatility: "MEDIUM",
    limits: [{ currency: "EUR", minStakeMinor: 1n, maxStakeMinor: 1_000_000n }],
  });
};

/** A new player with 10^15 EUR cents of cash, enough that no bench ever runs out. */
export const createFundedPlayer = async (deps: ServiceDeps) => {
  const player = await createTestPlayer(deps.db);
  await creditDeposit(deps, {
    playerId: player.id,
    currency: "EUR",
    amountMinor: 10n ** 15n,
    provider: "bench",
    paymentId: deps.newId("payment"),
    idempotencyKey: randomUUID(),
  });
  return player.id;
};

/** A funded player with a session on the bench studio's game: what a studio's calls name. */
export const createStudioPlayer = async (deps: ServiceDeps) => {
  const playerId = await createFundedPlayer(deps);
  const launch = await launchStudioGame(deps, { slug: benchStudio.gameSlug, playerId });
  return { playerId, token: new URL(launch.url).searchParams.get("token") as string };
};

/** Throws unless the studio bet was accepted. */
export const expectAccepted = (status: number, body: string) => {
  if (status !== 200) throw new Error(`bet refused: ${status} ${body}`);
};

/** A signed-ready body of our protocol's `bet`: fresh transaction and round ids, one euro. */
export const studioBetBody = (player: { playerId: string; token: string }) =>
  JSON.stringify({
    requestId: randomUUID(),
    playerId: player.playerId,
    token: player.token,
    transactionId: randomUUID(),
    roundId: randomUUID(),
    gameCode: benchStudio.gameCode,
    currency: "EUR",
    amountMinor: "100",
  });

/**
 * Our protocol's handler called in-process for the bench studio (signed with `secret`, no rate limit): sends one
 * signed bet for the player and throws unless it was accepted.
 */
export const inProcessBettor = (deps: ServiceDeps, secret: string) => {
  const bridgeDeps: BridgeDeps = {
    ...deps,
    credentials: credentialsFrom({ [benchStudio.provider]: { secret } }),
    rateLimiter: unlimited,
  };
  return async (player: { playerId: string; token: string }) => {
    const body = studioBetBody(player);
    const headers: Record<string, string> = signPitbossRequest(secret, body, new Date());
    const answer = await handlePitboss(bridgeDeps, {
      path: ["v1", benchStudio.provider, "bet"],
      body: Buffer.from(body),
      headers: { get: (name) => headers[name] ?? null },
      requestId: "bench",
    });
    expectAccepted(answer.status, answer.body.toString());
  };
};
