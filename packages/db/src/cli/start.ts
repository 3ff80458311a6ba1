import { type ChildProcess, spawn } from "node:child_process";
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
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
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

let stopping = false;
let releaseDatabase: () => Promise<void> = async () => {};
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
        }),
    ),
  );
  await releaseDatabase().catch((error) => console.error(`start: stopping the database failed: ${error.message}`));
  process.exit(code);
};

runCli("start", async () => {
  await assertPortFree(webPort, "WEB_PORT");
  await assertPortFree(adminPort, "ADMIN_PORT");
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
  await seedDemoData(db).finally(() => db.close());

  const env = { DATABASE_URL: database.url, NODE_ENV: isDev ? "development" : "production" };
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
    { ...env, PORT: String(webPort) },
    `${root}apps/web`,
  );
  run(
    "admin",
    "npx",
    ["next", nextCommand, "--port", String(adminPort)],
    { ...env, PORT: String(adminPort) },
    `${root}apps/admin`,
  );
  run("worker", "npx", ["tsx", "packages/api/src/worker/main.ts"], env);

  console.log(
    [
      "",
      `  Player site   http://localhost:${webPort}`,
      `  Back office   http://localhost:${adminPort}`,
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
