import { parseMoney } from "@pitboss/db";
import { z } from "zod";
import { parseRateLimits } from "./domains/bridge/rate-limit";

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
  /**
   * Demo mode (`npm start` sets it): the mail outbox page at /dev/outbox and the demo-credit button. Never on a
   * real site. Outside production both are on anyway.
   */
  PITBOSS_DEMO: z
    .enum(["0", "1", "false", "true"])
    .default("0")
    .transform((value) => value === "1" || value === "true"),
  /** 32 bytes (base64 or 64 hex digits) encrypting staff TOTP secrets at rest; required in production. */
  STAFF_MFA_KEY: z
    .string()
    .refine((value) => decodeKey(value) !== null, "must be 32 bytes, as base64 or 64 hex digits")
    .optional(),
  /**
   * Manual adjustments above these amounts (major units, per currency) need a second FINANCE or ADMIN user;
   * a currency not listed always does. `EUR=100,USD=100,BTC=0.001`.
   */
  ADJUSTMENT_APPROVAL_ABOVE: z
    .string()
    .default("EUR=100,USD=100,GBP=100,BRL=500,TRY=3000,JPY=15000,BTC=0.001,USDT=100")
    .transform((value, context) => {
      try {
        return Object.fromEntries(
          value
            .split(",")
            .filter((pair) => pair.trim() !== "")
            .map((pair) => {
              const [currency = "", amount = ""] = pair.split("=").map((part) => part.trim());
              return [currency, parseMoney(amount, currency).amountMinor];
            }),
        ) as Record<string, bigint>;
      } catch {
        context.addIssue({ code: "custom", message: "must look like EUR=100,USD=100 (known currencies)" });
        return z.NEVER;
      }
    }),
  /**
   * Game studios' wallet credentials, JSON keyed by provider code: `{"acme":{"secret":"…"}}` (HMAC or MD5 secret)
   * or `{"hub88":{"publicKey":"-----BEGIN PUBLIC KEY-----…"}}` (RSA, PEM). A provider without one is refused.
   */
  STUDIO_CREDENTIALS: z
    .string()
    .default("{}")
    .transform((value, context) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: "must be JSON (see .env.example)" });
        return z.NEVER;
      }
    })
    .pipe(
      z.record(
        z.string().regex(/^[a-z0-9][a-z0-9-]{1,31}$/),
        z.object({ secret: z.string().min(16).optional(), publicKey: z.string().min(64).optional() }).strict(),
      ),
    ),
  /** The demo studio's RSA public key (PEM): `npm start` passes the one it keeps in .data/demo-studio/. */
  DEMO_STUDIO_PUBLIC_KEY: z.string().min(64).optional(),
  /**
   * Studio callbacks per provider and per instance: `<perSecond>/<burst>`, then `<provider>=<perSecond>/<burst>`
   * overrides (`2000/4000,acme=50/100`), or `off`. Over it, the protocol's own transient error.
   */
  /** The studio wallet gateway's port, when it runs as its own process (`npm run studio-gateway`). */
  STUDIO_GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(3004),
  STUDIO_RATE_LIMIT: z
    .string()
    .default("2000/4000")
    .transform((value, context) => {
      const limits = parseRateLimits(value);
      if (!limits) context.addIssue({ code: "custom", message: "must look like 2000/4000,acme=50/100 (or off)" });
      return limits ?? z.NEVER;
    }),
  /** The sandbox payment providers (packages/api/src/sandbox-psp) our PSP adapters call; `npm start` runs it. */
  PSP_SANDBOX_URL: z.url().default("http://127.0.0.1:3003"),
  /**
   * The player site's public origin: payment providers send webhooks to `<origin>/api/payments/webhooks/<provider>`
   * and return the browser to `<origin>/cashier/return`.
   */
  PUBLIC_WEB_URL: z.url().default("http://localhost:3000"),
});

/** A 32-byte key from base64 or hex, or null when it is neither. */
export const decodeKey = (value: string): Buffer | null => {
  const trimmed = value.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  return bytes.length === 32 ? bytes : null;
};

/** Development and tests only: production refuses to start without its own STAFF_MFA_KEY. */
const devStaffMfaKey = "cGl0Ym9zcy1kZXYtb25seS1zdGFmZi1tZmEta2V5ISE=";

/**
 * The key for staff TOTP secrets. Only the back office needs it (the player app never holds it), so it is
 * required where it is used: the admin app calls this at boot and stops when production has no key.
 */
export const getStaffMfaKey = (env: ServerEnv = getServerEnv()): Buffer => {
  if (!env.STAFF_MFA_KEY && env.NODE_ENV === "production") {
    throw new Error(
      "invalid environment: STAFF_MFA_KEY is missing: production needs its own 32-byte key (openssl rand -base64 32; see .env.example)",
    );
  }
  return decodeKey(env.STAFF_MFA_KEY ?? devStaffMfaKey) as Buffer;
};

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

/**
 * The demo studio (packages/api/src/demo-studio): a separate process playing an external game studio. Its private key
 * comes from DEMO_STUDIO_PRIVATE_KEY, else from (or is created once in) DEMO_STUDIO_KEY_DIR.
 */
const demoStudioEnvSchema = z.object({
  DEMO_STUDIO_PORT: z.coerce.number().int().min(1).max(65535).default(3002),
  /** Our wallet as the studio calls it (the Hub88-compatible endpoint of provider `demostudio`). */
  DEMO_STUDIO_WALLET_URL: z.url().default("http://localhost:3000/api/providers/hub88/demostudio"),
  DEMO_STUDIO_PRIVATE_KEY: z.string().min(64).optional(),
  DEMO_STUDIO_KEY_DIR: z.string().default(".data/demo-studio"),
  /** Origins allowed to frame the game (CSP frame-ancestors): the player site. */
  DEMO_STUDIO_FRAME_ANCESTORS: z.string().default("http://localhost:3000"),
  /** How long the studio waits for each wallet call before it rolls the bet back (or retries the win). */
  DEMO_STUDIO_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
});
export type DemoStudioEnv = z.infer<typeof demoStudioEnvSchema>;

export const getDemoStudioEnv = (source: NodeJS.ProcessEnv = process.env): DemoStudioEnv => {
  const parsed = demoStudioEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment: ${issue?.path.join(".")} ${issue?.message} (see .env.example)`);
  }
  return parsed.data;
};

/**
 * The sandbox PSP (packages/api/src/sandbox-psp): a separate process playing our payment providers (card with 3-D
 * Secure, instant bank) for the demo and the tests. Its hosted pages are served at PSP_SANDBOX_URL, the same base
 * URL our adapters call.
 */
const sandboxPspEnvSchema = z.object({
  PSP_SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(3003),
  PSP_SANDBOX_URL: z.url().optional(),
  /** How long the sandbox waits after a payment's outcome before it sends the webhook. */
  PSP_SANDBOX_WEBHOOK_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(150),
});
export type SandboxPspEnv = z.infer<typeof sandboxPspEnvSchema>;

export const getSandboxPspEnv = (source: NodeJS.ProcessEnv = process.env): SandboxPspEnv => {
  const parsed = sandboxPspEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment: ${issue?.path.join(".")} ${issue?.message} (see .env.example)`);
  }
  return parsed.data;
};

/** `PSP_<PROVIDER>_API_KEY` / `PSP_<PROVIDER>_WEBHOOK_SECRET` when set: a provider's own credentials. */
export const pspCredentialsFromEnv = (provider: string, source: NodeJS.ProcessEnv = process.env) => {
  const prefix = `PSP_${provider.toUpperCase()}`;
  return {
    apiKey: source[`${prefix}_API_KEY`] || undefined,
    webhookSecret: source[`${prefix}_WEBHOOK_SECRET`] || undefined,
  };
};
