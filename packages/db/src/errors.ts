/**
 * The one error type every domain throws. Codes are stable strings that clients translate
 * (`errors.<CODE>`) and that packages/api maps once onto tRPC and HTTP statuses.
 */
export const domainErrorCodes = {
  /** Input failed validation beyond what its schema could express. */
  INVALID_INPUT: "INVALID_INPUT",
  /** The record does not exist, or the caller may not see it (we never reveal which). */
  NOT_FOUND: "NOT_FOUND",
  /** The caller is not signed in. */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** The caller is signed in but lacks the permission. */
  FORBIDDEN: "FORBIDDEN",
  /** Two amounts in different currencies were combined. */
  CURRENCY_MISMATCH: "CURRENCY_MISMATCH",
  /** The currency is unknown or disabled. */
  UNKNOWN_CURRENCY: "UNKNOWN_CURRENCY",
  /** An amount has more decimals than its currency allows, or is not a number. */
  INVALID_AMOUNT: "INVALID_AMOUNT",
  /** The player's balance does not cover the debit; nothing moved. */
  INSUFFICIENT_FUNDS: "INSUFFICIENT_FUNDS",
  /** A wager-time check refused the stake (account restriction, later limits or exclusion); meta.reason says which. Nothing was debited. */
  WAGER_BLOCKED: "WAGER_BLOCKED",
  /** The stake is below the game's minimum or above its maximum for the currency (meta: min, max). Nothing was debited. */
  STAKE_OUT_OF_RANGE: "STAKE_OUT_OF_RANGE",
  /** The game is disabled or not offered in the player's currency. Nothing was debited. */
  GAME_UNAVAILABLE: "GAME_UNAVAILABLE",
  /** The idempotency key was already used with a different request; nothing moved. */
  IDEMPOTENCY_KEY_REUSED: "IDEMPOTENCY_KEY_REUSED",
  /** The ledger transaction was already reversed. */
  ALREADY_REVERSED: "ALREADY_REVERSED",
  /** The postings of a transfer do not sum to zero per currency. */
  UNBALANCED_TRANSFER: "UNBALANCED_TRANSFER",
  /** The request conflicts with the current state of the record. */
  CONFLICT: "CONFLICT",
  /** Wrong email or password, or a wrong one-time code (staff sign-in never says which). */
  INVALID_CREDENTIALS: "INVALID_CREDENTIALS",
  /** The staff session exists but its TOTP step is not done yet: only the MFA procedures answer. */
  MFA_REQUIRED: "MFA_REQUIRED",
  /** The TOTP code's time step was already used once; wait for the next code. */
  OTP_REPLAYED: "OTP_REPLAYED",
  /** Too many failed sign-in attempts: the staff account is locked for a while. */
  ACCOUNT_LOCKED: "ACCOUNT_LOCKED",
  /** The staff member signed in with a one-time password and must set their own before anything else. */
  PASSWORD_CHANGE_REQUIRED: "PASSWORD_CHANGE_REQUIRED",
  /** Four-eyes: the person who asked for a sensitive action cannot also approve it. */
  SELF_APPROVAL: "SELF_APPROVAL",
  /** Player sign-up: the date of birth is below the minimum age for the player's country (meta.minimumAge). */
  UNDERAGE: "UNDERAGE",
  /** Player sign-up: an account with this email (compared case-insensitively) already exists. */
  EMAIL_TAKEN: "EMAIL_TAKEN",
  /** The new password breaks the strength rules (meta.reasons lists which: length, variety, common, email). */
  WEAK_PASSWORD: "WEAK_PASSWORD",
  /** An emailed link's token is unknown, already used or expired (never says which). */
  TOKEN_INVALID: "TOKEN_INVALID",
  /** The action needs a verified email address first (e.g. adding money). */
  EMAIL_NOT_VERIFIED: "EMAIL_NOT_VERIFIED",
  /** Cashier: the payment method is not offered for this country, currency and direction (or is switched off). Nothing was created. */
  PAYMENT_METHOD_UNAVAILABLE: "PAYMENT_METHOD_UNAVAILABLE",
  /** Cashier: the amount is below the method's minimum or above its maximum (meta: min, max in minor units). Nothing was created. */
  PAYMENT_AMOUNT_OUT_OF_RANGE: "PAYMENT_AMOUNT_OUT_OF_RANGE",
  /** Cashier: the method's payments for today are used up (meta.dailyCount). Nothing was created. */
  PAYMENT_LIMIT_REACHED: "PAYMENT_LIMIT_REACHED",
  /** Cashier: a restriction on the account refuses deposits or withdrawals (meta.reasonCode). Nothing was created. */
  PAYMENT_BLOCKED: "PAYMENT_BLOCKED",
  /** The withdrawal can no longer be cancelled, or the jurisdiction does not allow it (meta.reasonCode). */
  WITHDRAWAL_NOT_CANCELLABLE: "WITHDRAWAL_NOT_CANCELLABLE",
  /** Too many requests; retry later. */
  RATE_LIMITED: "RATE_LIMITED",
  /** A dependency (database, provider) is unavailable; safe to retry with the same idempotency key. */
  UNAVAILABLE: "UNAVAILABLE",
  /** Anything unexpected; details are in the server log under the request id. */
  INTERNAL: "INTERNAL",
} as const;

export type DomainErrorCode = keyof typeof domainErrorCodes;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly meta: Record<string, unknown> | undefined;

  constructor(
    code: DomainErrorCode,
    options: { message?: string; meta?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(options.message ?? code, { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.meta = options.meta;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
