import { isDomainError } from "@pitboss/db";

const prismaCode = (error: unknown) => (error as { code?: unknown } | null)?.code;

/** A unique constraint refused the insert (Prisma P2002): a concurrent request with the same key got there first. */
export const isUniqueViolation = (error: unknown) => prismaCode(error) === "P2002";

/** The row to update was not there (Prisma P2025), e.g. the active seed pair was rotated out under us. */
export const isRecordNotFound = (error: unknown) => prismaCode(error) === "P2025";

/**
 * Refusals the ledger raises inside its function before committing, or the wallet's own input validation before
 * calling it: the stake was certainly not taken.
 * Anything else (UNAVAILABLE, INTERNAL, a lost connection) may or may not have committed.
 */
const definitiveRefusals = new Set([
  "INSUFFICIENT_FUNDS",
  "UNKNOWN_CURRENCY",
  "INVALID_INPUT",
  "NOT_FOUND",
  "IDEMPOTENCY_KEY_REUSED",
]);
export const isDefinitiveRefusal = (error: unknown) =>
  (isDomainError(error) && definitiveRefusals.has(error.code)) || (error instanceof Error && error.name === "ZodError");

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
