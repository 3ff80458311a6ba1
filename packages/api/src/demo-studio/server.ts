import { createPrivateKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createLogger } from "@pitboss/db";
import { type DemoStudioEnv, getDemoStudioEnv } from "../env";
import { createDemoStudioServer } from "./app";
import { createWalletClient } from "./wallet-client";

/**
 * The demo studio: a small separate process playing an external game studio. It serves Lucky Wheel for the player
 * site's iframe and, for every spin, calls the casino's wallet over real HTTP with real Hub88-style RSA signatures:
 * bet, then win (zero closes the round). Timeouts and failures are handled as real studios do (see wallet-client.ts).
 * Plain node:http, no framework; `npm start` runs it on DEMO_STUDIO_PORT (3002).
 */
const logger = createLogger({ name: "demo-studio" });

/** DEMO_STUDIO_PRIVATE_KEY, else the key pair in DEMO_STUDIO_KEY_DIR, created there on first start. */
const loadPrivateKey = async (env: DemoStudioEnv): Promise<KeyObject> => {
  if (env.DEMO_STUDIO_PRIVATE_KEY) return createPrivateKey(env.DEMO_STUDIO_PRIVATE_KEY.replaceAll("\\n", "\n"));
  const file = path.join(env.DEMO_STUDIO_KEY_DIR, "private.pem");
  try {
    return createPrivateKey(await readFile(file, "utf8"));
  } catch {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    await mkdir(env.DEMO_STUDIO_KEY_DIR, { recursive: true });
    await writeFile(file, privateKey, { mode: 0o600 });
    await writeFile(path.join(env.DEMO_STUDIO_KEY_DIR, "public.pem"), publicKey);
    logger.info({ dir: env.DEMO_STUDIO_KEY_DIR }, "created the demo studio's key pair; give public.pem to the casino");
    return createPrivateKey(privateKey);
  }
};

const main = async () => {
  const env = getDemoStudioEnv();
  const wallet = createWalletClient({
    walletUrl: env.DEMO_STUDIO_WALLET_URL.replace(/\/$/, ""),
    privateKey: await loadPrivateKey(env),
    timeoutMs: env.DEMO_STUDIO_TIMEOUT_MS,
    log: (line, detail) => logger.warn(detail ?? {}, line),
  });
  const server = createDemoStudioServer(env, wallet);
  server.listen(env.DEMO_STUDIO_PORT, () =>
    logger.info({ port: env.DEMO_STUDIO_PORT, wallet: env.DEMO_STUDIO_WALLET_URL }, "demo studio listening"),
  );
  const shutdown = () => server.close(() => process.exit(0));
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
};

main().catch((error: unknown) => {
  console.error(`demo-studio: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
