import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import net from "node:net";
import path from "node:path";
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
import { type LoadResult, runLoad } from "./measure";

/**
 * Studio bets through our own wallet protocol: each op is one signed `bet` (HMAC over timestamp + body, a fresh
 * nonce, a fresh transaction id) for one of `clients` players, answered by
 * - `http`: the player site's real route under `next start` (apps/web production build) on a free port, over HTTP
 *   with keep-alive, against the bench database;
 * - `gateway`: the same URL on the studio wallet gateway (plain node:http, its own process), the same way;
 * - `inProcess`: the same handler function called directly, to show what HTTP and Next add.
 */
const provider = "bench-studio";
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const waitForHealth = async (url: string, child: ChildProcess) => {
  for (let i = 0; i < 120; i += 1) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not become healthy in 60 s");
};

export const runWalletHttpPhase = async (
  root: string,
  databaseUrl: string,
  deps: ServiceDeps,
  clients: number,
  seconds: number,
  log: (line: string) => void,
): Promise<{ http: LoadResult; gateway: LoadResult; inProcess: LoadResult; poolSize: number }> => {
  const secret = randomBytes(32).toString("base64url");
  await registerProvider(deps, {
    code: provider,
    name: "Bench studio",
    protocol: "PITBOSS",
    launchUrl: "https://bench.test/play",
  });
  await registerStudioGame(deps, {
    provider,
    externalCode: "bench_wheel",
    slug: "bench-wheel",
    name: "Bench Wheel",
    category: "slots",
    rtpBps: 9500,
    volatility: "MEDIUM",
    limits: [{ currency: "EUR", minStakeMinor: 1n, maxStakeMinor: 1_000_000n }],
  });
  const players = await Promise.all(
    Array.from({ length: clients }, async () => {
      const player = await createTestPlayer(deps.db);
      await creditDeposit(deps, {
        playerId: player.id,
        currency: "EUR",
        amountMinor: 10n ** 15n,
        provider: "bench",
        paymentId: deps.newId("payment"),
        idempotencyKey: randomUUID(),
      });
      const launch = await launchStudioGame(deps, { slug: "bench-wheel", playerId: player.id });
      return { playerId: player.id, token: new URL(launch.url).searchParams.get("token") as string };
    }),
  );
  const betBody = (client: number) => {
    const player = players[client % players.length] as (typeof players)[number];
    return JSON.stringify({
      requestId: randomUUID(),
      playerId: player.playerId,
      token: player.token,
      transactionId: randomUUID(),
      roundId: randomUUID(),
      gameCode: "bench_wheel",
      currency: "EUR",
      amountMinor: "100",
    });
  };
  const expectOk = (status: number, text: string) => {
    if (status !== 200) throw new Error(`bet refused: ${status} ${text}`);
  };

  const bridgeDeps: BridgeDeps = {
    ...deps,
    credentials: credentialsFrom({ [provider]: { secret } }),
    rateLimiter: unlimited,
  };
  log("studio wallet: in-process handler");
  const inProcess = await runLoad(clients, seconds, async (client) => {
    const body = betBody(client);
    const headers: Record<string, string> = signPitbossRequest(secret, body, new Date());
    const result = await handlePitboss(bridgeDeps, {
      path: ["v1", provider, "bet"],
      body: Buffer.from(body),
      headers: { get: (name) => headers[name] ?? null },
      requestId: "bench",
    });
    expectOk(result.status, result.body.toString());
  });
  log(JSON.stringify(inProcess));

  const web = path.join(root, "apps/web");
  if (process.env.NEXT_DIST_DIR) {
    // A build folder of its own (apps/web/<NEXT_DIST_DIR>), e.g. while other builds of the app share the machine.
    log(`studio wallet: building apps/web into ${process.env.NEXT_DIST_DIR}`);
    execFileSync("npx", ["next", "build"], { cwd: web, stdio: ["ignore", "ignore", "inherit"], env: process.env });
  } else {
    log("studio wallet: building apps/web (turbo, cached when unchanged)");
    execFileSync("npx", ["turbo", "run", "build", "--filter=@pitboss/web", "--output-logs=errors-only"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
    });
  }
  const poolSize = clients + 8;
  const serverEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(poolSize),
    LOG_LEVEL: "error",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    STUDIO_CREDENTIALS: JSON.stringify({ [provider]: { secret } }),
    // The bench measures the wallet, not the limiter: 32 players of one studio exceed a production limit on purpose.
    STUDIO_RATE_LIMIT: "off",
  };
  /** Starts a server process, drives signed bets at it over HTTP (keep-alive), and stops it. */
  const overHttp = async (label: string, start: (port: number) => ChildProcess) => {
    const port = await freePort();
    const child = start(port);
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForHealth(`${base}/api/health`, child);
      log(
        `studio wallet: ${label} on port ${port}, ${clients} players, POST /api/providers/pitboss/v1/${provider}/bet`,
      );
      const url = `${base}/api/providers/pitboss/v1/${provider}/bet`;
      const bet = async (client: number) => {
        const body = betBody(client);
        const response = await fetch(url, {
          method: "POST",
          headers: signPitbossRequest(secret, body, new Date()),
          body,
        });
        expectOk(response.status, await response.text());
      };
      // Warm-up: compile and cache the route, fill the pools.
      await runLoad(clients, 3, bet);
      const result = await runLoad(clients, seconds, bet);
      log(JSON.stringify(result));
      return result;
    } finally {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    }
  };
  const spawnServer = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) =>
    spawn(command, args, { cwd, detached: true, stdio: ["ignore", "ignore", "inherit"], env });

  const http = await overHttp("next start", (port) =>
    spawnServer("npx", ["next", "start", "--port", String(port)], web, serverEnv),
  );
  // The same handlers on plain node:http (src/studio-gateway), as container hosts run them.
  const gateway = await overHttp("studio gateway", (port) =>
    spawnServer("npx", ["tsx", "src/studio-gateway/server.ts"], path.join(root, "packages/api"), {
      ...serverEnv,
      STUDIO_GATEWAY_PORT: String(port),
    }),
  );
  return { http, gateway, inProcess, poolSize };
};
