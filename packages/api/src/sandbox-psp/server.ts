import { createLogger } from "@pitboss/db";
import { getSandboxPspEnv } from "../env";
import { startSandboxPsp } from "./app";
import { sandboxPspProviders } from "./credentials";

/**
 * The sandbox PSP: a small separate process playing our payment providers, cardpay and cardplus (cards, hosted
 * page, 3-D Secure challenge) and instabank (instant bank), with signed webhooks and test switches. State is in
 * memory. Plain node:http, no framework; `npm start` runs it on PSP_SANDBOX_PORT (3003), the tests start it in
 * process (startSandboxPsp).
 */
const logger = createLogger({ name: "sandbox-psp" });

const main = async () => {
  const env = getSandboxPspEnv();
  const psp = await startSandboxPsp({
    port: env.PSP_SANDBOX_PORT,
    publicUrl: env.PSP_SANDBOX_URL ?? `http://127.0.0.1:${env.PSP_SANDBOX_PORT}`,
    webhookDelayMs: env.PSP_SANDBOX_WEBHOOK_DELAY_MS,
    logger,
  });
  logger.info({ url: psp.url, providers: sandboxPspProviders }, "sandbox psp listening");
  const shutdown = () => void psp.close().then(() => process.exit(0));
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
};

main().catch((error: unknown) => {
  console.error(`sandbox-psp: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
