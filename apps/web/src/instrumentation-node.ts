import { checkServerEnvironment } from "@pitboss/api";
import { getWebEnv } from "./env";

/** Node-only boot check (imported only when NEXT_RUNTIME is nodejs, so the Edge bundle never sees process.exit). */
export const checkEnvironmentOrExit = () => {
  try {
    checkServerEnvironment();
    getWebEnv();
  } catch (error) {
    console.error(`pitboss: ${(error as Error).message}`);
    process.exit(1);
  }
};
