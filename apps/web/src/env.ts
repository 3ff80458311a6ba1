import { z } from "zod";

/**
 * The player app's own server environment (the API's is validated by @pitboss/api): the session secret and the
 * game studios whose frames the CSP allows. Validated on first use; a bad value stops the request with its name.
 */
const webEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  /** Comma-separated https origins of game studios allowed in iframes (CSP frame-src). */
  STUDIO_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url().refine((url) => /^https?:\/\/[^/]+$/.test(url), "must be an origin, no path"))),
});

/** Development and tests only; production refuses to start without its own AUTH_SECRET. */
const devAuthSecret = "pitboss-dev-only-auth-secret-do-not-use-in-production";

export type WebEnv = z.infer<typeof webEnvSchema> & { AUTH_SECRET: string };

let cached: WebEnv | undefined;

export const getWebEnv = (): WebEnv => {
  if (cached) return cached;
  const parsed = webEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment: ${issue?.path.join(".")} ${issue?.message} (see .env.example)`);
  }
  if (!parsed.data.AUTH_SECRET && parsed.data.NODE_ENV === "production") {
    throw new Error("invalid environment: AUTH_SECRET is missing: production needs its own (see .env.example)");
  }
  cached = { ...parsed.data, AUTH_SECRET: parsed.data.AUTH_SECRET ?? devAuthSecret };
  return cached;
};
