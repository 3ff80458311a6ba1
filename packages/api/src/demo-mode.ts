import { getServerEnv, type ServerEnv } from "./env";

/** Demo features (mail outbox page, demo credits): on when PITBOSS_DEMO=1, and always outside production. */
export const isDemoMode = (env: ServerEnv = getServerEnv()): boolean =>
  env.PITBOSS_DEMO || env.NODE_ENV !== "production";
