import { getServerEnv } from "./env";

/** Demo features (mail outbox page, demo credits): on when PITBOSS_DEMO=1, and always outside production. */
export const isDemoMode = (): boolean => {
  const env = getServerEnv();
  return env.PITBOSS_DEMO || env.NODE_ENV !== "production";
};
