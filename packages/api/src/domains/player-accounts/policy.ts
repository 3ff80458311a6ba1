/**
 * Account rules in one place, pure: minimum age per country, password strength, token lifetimes and the
 * brute-force throttle. Compliance may move the age table into a versioned jurisdiction policy later.
 */

/** The legal minimum age to gamble; countries not listed use the default. */
export const DEFAULT_MINIMUM_AGE = 18;
export const minimumAgeByCountry: Readonly<Record<string, number>> = {};

export const minimumAgeFor = (country: string): number => minimumAgeByCountry[country] ?? DEFAULT_MINIMUM_AGE;

/** Whole years between a calendar date of birth (`YYYY-MM-DD`) and the UTC calendar day of `now`. */
export const ageOn = (dateOfBirth: string, now: Date): number => {
  const [year, month, day] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const todayMonth = now.getUTCMonth() + 1;
  const hadBirthday = todayMonth > month || (todayMonth === month && now.getUTCDate() >= day);
  return now.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
};

export const PASSWORD_MIN_LENGTH = 10;

/** A few of the most common passwords (full lists belong to a breach-corpus check later). */
const commonPasswords = new Set([
  "password123",
  "password1234",
  "1234567890",
  "12345678910",
  "qwertyuiop",
  "qwerty12345",
  "iloveyou123",
  "letmein1234",
  "welcome123",
  "passw0rd123",
  "casino12345",
  "pitboss1234",
]);

export type PasswordWeakness = "length" | "variety" | "common" | "email";

/** Why a password is weak (empty: strong enough): ≥ 10 characters, letters and digits or symbols, not common. */
export const passwordWeaknesses = (password: string, email?: string): PasswordWeakness[] => {
  const reasons: PasswordWeakness[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) reasons.push("length");
  const hasLetter = /\p{L}/u.test(password);
  const hasOther = /[\p{N}\p{P}\p{S}]/u.test(password);
  if (!hasLetter || !hasOther) reasons.push("variety");
  if (commonPasswords.has(password.toLowerCase())) reasons.push("common");
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) reasons.push("email");
  return reasons;
};

export const VERIFY_EMAIL_TTL_MS = 24 * 60 * 60 * 1000;
export const RESET_PASSWORD_TTL_MS = 60 * 60 * 1000;

/** Sessions (JWT) live this long without activity; sign out everywhere ends them at once. */
export const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

/**
 * Brute-force throttle over a sliding window: at most 5 failed sign-ins per email and IP, and 30 per IP over
 * all emails (credential stuffing). Unknown emails count exactly like known ones. Reset requests: 3 per email
 * and IP, 20 per IP.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const throttleLimits = {
  SIGN_IN: { perEmailAndIp: 5, perIp: 30 },
  PASSWORD_RESET: { perEmailAndIp: 3, perIp: 20 },
} as const;
