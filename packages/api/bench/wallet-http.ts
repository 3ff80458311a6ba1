import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { findFreePort } from "@pitboss/db/provision";
import type { ServiceDeps } from "../src/deps";
import { signPitbossRequest } from "../src/domains/bridge/pitboss/pitboss-signature";
import { type CpuSplit, measureCpuSplit } from "./cpu-split";
import {
  benchStudio,
  createStudioPlayer,
  expectAccepted,
  inProcessBettor,
  registerBenchStudio,
  studioBetBody,
} from "./fixtures";
import { BenchConnection } from "./http-client";
import { type LoadResult, runLoad, startFromCheckpoint } from "./measure";

/**
 * Studio bets through our own wallet protocol: each op is one signed `bet` (HMAC over timestamp + body, a fresh
 * nonce, a fresh transaction id) for one of `clients` players, answered by
 * - `http`: the player site's real route under `next start` (apps/web production build) on a free port, over HTTP
 *   with keep-alive, against the bench database;
 * - `gateway`: the same URL on the studio wallet gateway (plain node:http, its own process), the same way;
 * - `inProcess`: the same handler function called directly, to show what HTTP and Next add.
 */
const { provider } = benchStudio;
type Measured = LoadResult & { cpuPerOp?: CpuSplit };

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
): Promise<{ http: Measured; gateway: Measured; inProcess: Measured; poolSize: number }> => {
  const secret = randomBytes(32).toString("base64url");
  await registerBenchStudio(deps);
  const players = await Promise.all(Array.from({ length: clients }, () => createStudioPlayer(deps)));
  const playerOf = (client: number) => players[client % players.length] as (typeof players)[number];

  log("studio wallet: in-process handler");
  const betInProcess = inProcessBettor(deps, secret);
  await startFromCheckpoint(deps.db);
  const inProcess = await measureCpuSplit(() => runLoad(clients, seconds, (client) => betInProcess(playerOf(client))));
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
    // The sandbox's payment providers and their public test credentials (the bench makes no payments).
    PITBOSS_DEMO: "1",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    STUDIO_CREDENTIALS: JSON.stringify({ [provider]: { secret } }),
    // The bench measures the wallet, not the limiter: 32 players of one studio exceed a production limit on purpose.
    STUDIO_RATE_LIMIT: "off",
  };
  /** Starts a server process, drives signed bets at it over HTTP (keep-alive), and stops it. */
  const overHttp = async (label: string, start: (port: number) => ChildProcess) => {
    const port = await findFreePort();
    const child = start(port);
    const base = `http://127.0.0.1:${port}`;
    // One keep-alive connection per player, as a studio keeps one per table (bench/http-client.ts).
    const connections: BenchConnection[] = [];
    try {
      await waitForHealth(`${base}/api/health`, child);
      log(
        `studio wallet: ${label} on port ${port}, ${clients} players, POST /api/providers/pitboss/v1/${provider}/bet`,
      );
      const betPath = `/api/providers/pitboss/v1/${provider}/bet`;
      const bet = async (client: number) => {
        connections[client] ??= new BenchConnection("127.0.0.1", port);
        const body = studioBetBody(playerOf(client));
        const response = await connections[client].post(betPath, signPitbossRequest(secret, body, new Date()), body);
        expectAccepted(response.status, response.body);
      };
      // Warm-up: compile and cache the route, fill the pools.
      await runLoad(clients, 3, bet);
      await startFromCheckpoint(deps.db);
      const result = await measureCpuSplit(() => runLoad(clients, seconds, bet), child.pid);
      log(JSON.stringify(result));
      return result;
    } finally {
      for (const connection of connections) connection.close();
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
