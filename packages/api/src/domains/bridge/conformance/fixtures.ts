import { generateKeyPairSync, randomBytes } from "node:crypto";
import { type CurrencyCode, manualClock } from "@pitboss/db";
import { createTestDeps } from "../../../testing/context";
import { createFundedPlayer } from "../../../testing/wallet";
import type { BridgeDeps, BridgeProtocol } from "../bridge.types";
import { credentialsFrom } from "../credentials";
import { launchStudioGame } from "../launch-game";
import { registerProvider, registerStudioGame } from "../providers";
import { unlimited } from "../rate-limit";

/**
 * A throwaway studio for one test file: its own provider code (so parallel files never share rows), credentials,
 * a game offered in EUR and USD, and a clock the tests can move (session expiry, signature age).
 */
export type StudioFixture = {
  deps: BridgeDeps;
  clock: ReturnType<typeof manualClock>;
  protocol: BridgeProtocol;
  provider: string;
  gameCode: string;
  slug: string;
  secret: string;
  privateKey: string;
  publicKey: string;
};

// One RSA pair per test process: generating one takes a while.
let keys: { privateKey: string; publicKey: string } | undefined;
export const studioKeys = () => {
  keys ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return keys;
};

export const STAKE_LIMITS = { minStakeMinor: 10n, maxStakeMinor: 500_000n };

export const setupStudio = async (protocol: BridgeProtocol): Promise<StudioFixture> => {
  const clock = manualClock(new Date());
  const provider = `t-${protocol.toLowerCase()}-${randomBytes(5).toString("hex")}`;
  const secret = randomBytes(24).toString("base64url");
  const { privateKey, publicKey } = studioKeys();
  const credentials = credentialsFrom({ [provider]: protocol === "HUB88" ? { publicKey } : { secret } });
  const deps: BridgeDeps = { ...createTestDeps({ now: clock }), credentials, rateLimiter: unlimited };
  await registerProvider(deps, {
    code: provider,
    name: `Test ${protocol}`,
    protocol,
    launchUrl: "https://studio.test/play",
  });
  const slug = `${provider}-wheel`;
  await registerStudioGame(deps, {
    provider,
    externalCode: "wheel_1",
    slug,
    name: "Test Wheel",
    category: "slots",
    rtpBps: 9500,
    volatility: "MEDIUM",
    countries: [],
    limits: [
      { currency: "EUR", ...STAKE_LIMITS },
      { currency: "USD", ...STAKE_LIMITS },
    ],
  });
  return { deps, clock, protocol, provider, gameCode: "wheel_1", slug, secret, privateKey, publicKey };
};

/** A funded player with a fresh game session on the fixture's game: the token a studio would get at launch. */
export const launchPlayer = async (fixture: StudioFixture, cashMinor = 10_000n, currency: CurrencyCode = "EUR") => {
  const player = await createFundedPlayer(fixture.deps, cashMinor, currency);
  const launch = await launchStudioGame(fixture.deps, { slug: fixture.slug, playerId: player.id });
  const token = new URL(launch.url).searchParams.get("token") as string;
  return { playerId: player.id, token, currency, sessionId: launch.sessionId };
};

export const uniqueId = (label: string) => `${label}-${randomBytes(8).toString("hex")}`;
