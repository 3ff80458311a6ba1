import { z } from "zod";

/** Locales the player site speaks (the web app's catalogs; a test keeps both lists equal). */
export const playerLocales = ["en", "de", "es", "pt-BR", "tr", "ar", "he"] as const;
export type PlayerLocale = (typeof playerLocales)[number];

/** Countries we accept players from (ISO 3166-1 alpha-2); the minimum age per country is in policy.ts. */
export const signUpCountries = [
  "DE",
  "AT",
  "ES",
  "PT",
  "BR",
  "TR",
  "IL",
  "AE",
  "MA",
  "IE",
  "MT",
  "FI",
  "CA",
  "JP",
] as const;

/** Currencies a player can open an account in (fiat and crypto the ledger knows). */
export const signUpCurrencies = ["EUR", "USD", "GBP", "BRL", "TRY", "JPY", "BTC", "USDT"] as const;

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((value) => value.toLowerCase());

/** Length limits only: the strength rules live in password-policy.ts and answer WEAK_PASSWORD with reasons. */
export const passwordSchema = z.string().min(1).max(200);

const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "unknown time zone");

export const signUpInput = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    displayName: z.string().trim().min(2).max(40),
    /** Calendar date, `YYYY-MM-DD`. */
    dateOfBirth: z.iso.date(),
    country: z.enum(signUpCountries),
    currency: z.enum(signUpCurrencies),
    locale: z.enum(playerLocales).default("en"),
    timeZone: timeZoneSchema.default("UTC"),
  })
  .strict();
export type SignUpInput = z.input<typeof signUpInput>;

export const signInInput = z.object({ email: z.string().max(320), password: z.string().max(200) }).strict();
export const signInCommand = signInInput.extend({ ip: z.string().min(1).max(64) }).strict();
export type SignInCommand = z.input<typeof signInCommand>;

export const tokenInput = z.object({ token: z.string().min(16).max(128) }).strict();
export type TokenInput = z.input<typeof tokenInput>;

export const requestPasswordResetInput = z.object({ email: z.string().max(320) }).strict();
export const requestPasswordResetCommand = requestPasswordResetInput.extend({ ip: z.string().min(1).max(64) }).strict();
export type RequestPasswordResetCommand = z.input<typeof requestPasswordResetCommand>;

export const resetPasswordInput = z.object({ token: z.string().min(16).max(128), password: passwordSchema }).strict();
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;

export const updatePreferencesInput = z
  .object({ locale: z.enum(playerLocales).optional(), timeZone: timeZoneSchema.optional() })
  .strict();
export type UpdatePreferencesInput = z.input<typeof updatePreferencesInput>;
