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
  /** The idempotency key was already used with a different request; nothing moved. */
  IDEMPOTENCY_KEY_REUSED: "IDEMPOTENCY_KEY_REUSED",
  /** The ledger transaction was already reversed. */
  ALREADY_REVERSED: "ALREADY_REVERSED",
  /** The postings of a transfer do not sum to zero per currency. */
  UNBALANCED_TRANSFER: "UNBALANCED_TRANSFER",
  /** The request conflicts with the current state of the record. */
  CONFLICT: "CONFLICT",
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
