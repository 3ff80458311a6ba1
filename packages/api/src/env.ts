import { z } from "zod";

/**
 * The API's environment, validated once at boot (never at build: DATABASE_URL is a runtime value).
 * A wrong or missing variable stops the process with one line naming it and the fix.
 */
const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string({
      error:
        "is missing: `npm start` sets it for you, or point it at your PostgreSQL (postgresql://user:pass@host:5432/db)",
    })
    .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

export const getServerEnv = (source: NodeJS.ProcessEnv = process.env): ServerEnv => {
  if (cached && source === process.env) return cached;
  const parsed = serverEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment: ${issue?.path.join(".")} ${issue?.message} (see .env.example)`);
  }
  if (source === process.env) cached = parsed.data;
  return parsed.data;
};
