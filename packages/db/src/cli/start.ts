import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { createDb } from "../client";
import { migrate } from "../migrate";
import { provisionDatabase } from "../provision";
import { demoPlayerPassword, demoPlayers, demoStaff, demoStaffPassword } from "../seed/demo-data";
import { seedDemoData } from "../seed/seed";
import { runCli } from "./run-cli";

/**
 * `npm start`: database (embedded unless DATABASE_URL is set) → migrations → demo seed → build (cached by
 * Turbo) → player site, back office and worker. Ctrl-C stops every process it started, the database last.
 * `--dev` runs the apps with `next dev` instead of building.
 */
const root = fileURLToPath(new URL("../../../../", import.meta.url));
const isDev = process.argv.includes("--dev");
const webPort = Number(process.env.WEB_PORT ?? 3000);
const adminPort = Number(process.env.ADMIN_PORT ?? 3001);
const demoStudioPort = Number(process.env.DEMO_STUDIO_PORT ?? 3002);
const pspSandboxPort = Number(process.env.PSP_SANDBOX_PORT ?? 3003);

const assertPortFree = (port: number, variable: string) =>
  new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", () =>
      reject(
        new Error(`port ${port} is already in use: stop whatever listens there, or set ${variable} to another port`),
      ),
    );
    server.listen(port, "0.0.0.0", () => server.close(() => resolve()));
  });

const children: ChildProcess[] = [];

const run = (name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd = root) => {
  // Each child leads its own process group, so stopping it reaches what it started too (npx does not pass a
  // SIGTERM on to next-server); a signal sent to this process alone, as a process manager does, stops them all.
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  children.push(child);
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`start: ${name} exited (${signal ?? code}); stopping everything`);
      void stop(1);
    }
  });
  return child;
};

const runToEnd = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (exit ${code})`)),
    );
  });

/**
 * The back office encrypts staff TOTP secrets with STAFF_MFA_KEY, which production builds require. Unset, the
 * local demo gets its own random key, kept next to the embedded database (.data/, git-ignored) so enrolled
 * authenticators survive a restart.
 */
const localStaffMfaKey = async () => {
  const file = `${root}.data/staff-mfa.key`;
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    const key = randomBytes(32).toString("base64");
    await mkdir(`${root}.data`, { recursive: true });
    await writeFile(file, `${key}\n`, { mode: 0o600 });
    return key;
  }
};

/**
 * The demo studio signs its wallet calls (Hub88 style, RSA) with a key pair made once per install and kept in
 * .data/demo-studio/ (the same files the studio uses when run alone); the player site gets the public half.
 */
const localDemoStudioKeys = async () => {
  const dir = `${root}.data/demo-studio`;
  try {
    return {
      privateKey: await readFile(`${dir}/private.pem`, "utf8"),
      publicKey: await readFile(`${dir}/public.pem`, "utf8"),
    };
  } catch {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    await mkdir(dir, { recursive: true });
    await writeFile(`${dir}/private.pem`, privateKey, { mode: 0o600 });
    await writeFile(`${dir}/public.pem`, publicKey);
    return { privateKey, publicKey };
  }
};

let stopping = false;
let releaseDatabase: () => Promise<void> = async () => {};
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  // Stop every child's whole process group and wait until each group is empty (not just its leader: the worker
  // inside a tsx wrapper may still be closing its connections), so the database stops last.
  const isGroupAlive = (pid: number) => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signalGroup = (pid: number, signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is already gone
    }
  };
  await Promise.all(
    children.map(async ({ pid }) => {
      if (!pid || !isGroupAlive(pid)) return;
      signalGroup(pid, "SIGTERM");
      const killAt = Date.now() + 5_000;
      // Bounded: without an init process to reap them, exited orphans would keep the group "alive" for ever.
      const giveUpAt = killAt + 5_000;
      while (isGroupAlive(pid) && Date.now() < giveUpAt) {
        if (Date.now() > killAt) signalGroup(pid, "SIGKILL");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }),
  );
  await releaseDatabase().catch((error) => console.error(`start: stopping the database failed: ${error.message}`));
  process.exit(code);
};

runCli("start", async () => {
  await assertPortFree(webPort, "WEB_PORT");
  await assertPortFree(adminPort, "ADMIN_PORT");
  await assertPortFree(demoStudioPort, "DEMO_STUDIO_PORT");
  await assertPortFree(pspSandboxPort, "PSP_SANDBOX_PORT");
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  const database = await provisionDatabase("persistent");
  releaseDatabase = database.release;
  console.log(
    database.source === "embedded"
      ? "start: embedded PostgreSQL running (data in .data/pg)"
      : "start: using DATABASE_URL",
  );
  await migrate(database.url, { log: (line) => console.log(`start: ${line}`) });
  const db = createDb({ url: database.url });
  const demoStudioUrl = `http://localhost:${demoStudioPort}`;
  const pspSandboxUrl = `http://127.0.0.1:${pspSandboxPort}`;
  await seedDemoData(db, undefined, { demoStudioUrl: `${demoStudioUrl}/game` }).finally(() => db.close());
  const demoStudioKeys = await localDemoStudioKeys();

  const env = {
    DATABASE_URL: database.url,
    NODE_ENV: isDev ? "development" : "production",
    // The demo: mail outbox page and demo credits on the player site; a per-run session secret unless one is set.
    PITBOSS_DEMO: process.env.PITBOSS_DEMO ?? "1",
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64"),
    // The sandbox payment providers: our adapters call them, they return browsers and send webhooks to the site.
    PSP_SANDBOX_URL: pspSandboxUrl,
    PUBLIC_WEB_URL: process.env.PUBLIC_WEB_URL ?? `http://localhost:${webPort}`,
  };
  if (!isDev) {
    await runToEnd(
      "npx",
      ["turbo", "run", "build", "--filter=@pitboss/web", "--filter=@pitboss/admin", "--output-logs=errors-only"],
      {
        TURBO_TELEMETRY_DISABLED: "1",
      },
    );
  }
  const nextCommand = isDev ? "dev" : "start";
  run(
    "web",
    "npx",
    ["next", nextCommand, "--port", String(webPort)],
    {
      ...env,
      PORT: String(webPort),
      // The demo studio: its public key for the wallet, its origin for the game iframe (CSP frame-src).
      DEMO_STUDIO_PUBLIC_KEY: process.env.DEMO_STUDIO_PUBLIC_KEY || demoStudioKeys.publicKey,
      STUDIO_ORIGINS: [process.env.STUDIO_ORIGINS, demoStudioUrl].filter(Boolean).join(","),
    },
    `${root}apps/web`,
  );
  run(
    "admin",
    "npx",
    ["next", nextCommand, "--port", String(adminPort)],
    { ...env, PORT: String(adminPort), STAFF_MFA_KEY: process.env.STAFF_MFA_KEY || (await localStaffMfaKey()) },
    `${root}apps/admin`,
  );
  run("worker", "npx", ["tsx", "packages/api/src/worker/main.ts"], env);
  run("demo-studio", "npx", ["tsx", "packages/api/src/demo-studio/server.ts"], {
    NODE_ENV: env.NODE_ENV,
    DEMO_STUDIO_PORT: String(demoStudioPort),
    DEMO_STUDIO_PRIVATE_KEY: process.env.DEMO_STUDIO_PRIVATE_KEY || demoStudioKeys.privateKey,
    DEMO_STUDIO_WALLET_URL: `http://localhost:${webPort}/api/providers/hub88/demostudio`,
    DEMO_STUDIO_FRAME_ANCESTORS: `http://localhost:${webPort}`,
  });
  run("sandbox-psp", "npx", ["tsx", "packages/api/src/sandbox-psp/server.ts"], {
    NODE_ENV: env.NODE_ENV,
    PSP_SANDBOX_PORT: String(pspSandboxPort),
    PSP_SANDBOX_URL: pspSandboxUrl,
  });

  console.log(
    [
      "",
      `  Player site   http://localhost:${webPort}`,
      `  Back office   http://localhost:${adminPort}`,
      `  Demo studio   ${demoStudioUrl} (plays Lucky Wheel at http://localhost:${webPort}/play/studio/demo-studio-wheel)`,
      `  Sandbox PSP   ${pspSandboxUrl} (card and instant-bank providers; test cards listed there)`,
      "",
      `  Players (password ${demoPlayerPassword}): ${demoPlayers.map((p) => p.email).join(", ")}`,
      `  Staff   (password ${demoStaffPassword}): ${demoStaff.map((s) => s.email).join(", ")}`,
      "",
      "  Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
  await new Promise(() => {});
});
