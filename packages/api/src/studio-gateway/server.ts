import { createLogger } from "@pitboss/db";
import { getServerEnv } from "../env";
import { startStudioGateway } from "./gateway";

/**
 * `npm run studio-gateway`: the studio wallet gateway as its own process, on STUDIO_GATEWAY_PORT (3004). It reads
 * the same environment as the player site (DATABASE_URL, STUDIO_CREDENTIALS, DEMO_STUDIO_PUBLIC_KEY,
 * STUDIO_RATE_LIMIT …); point the studios' wallet URL at it instead of the player site.
 */
const logger = createLogger({ name: "studio-gateway" });

const main = async () => {
  // A wrong variable stops the process here, with one line naming it.
  const gateway = await startStudioGateway({ port: getServerEnv().STUDIO_GATEWAY_PORT });
  logger.info({ url: gateway.url }, "studio wallet gateway listening");
  const shutdown = () => void gateway.close().then(() => process.exit(0));
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
};

main().catch((error: unknown) => {
  console.error(`studio-gateway: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
