import { DomainError, type DomainErrorCode } from "@pitboss/db";
import { ZodError } from "zod";

export { DomainError, type DomainErrorCode, isDomainError } from "@pitboss/db";

/** tRPC error codes the transport uses; each maps to one HTTP status in @trpc/server. */
export type TransportCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNPROCESSABLE_CONTENT"
  | "TOO_MANY_REQUESTS"
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR";

/** The one place that decides how each domain error travels over tRPC and plain HTTP. */
export const transportOf: Record<DomainErrorCode, { trpc: TransportCode; http: number }> = {
  INVALID_INPUT: { trpc: "BAD_REQUEST", http: 400 },
  INVALID_AMOUNT: { trpc: "BAD_REQUEST", http: 400 },
  UNKNOWN_CURRENCY: { trpc: "BAD_REQUEST", http: 400 },
  CURRENCY_MISMATCH: { trpc: "BAD_REQUEST", http: 400 },
  UNBALANCED_TRANSFER: { trpc: "BAD_REQUEST", http: 400 },
  UNAUTHENTICATED: { trpc: "UNAUTHORIZED", http: 401 },
  FORBIDDEN: { trpc: "FORBIDDEN", http: 403 },
  NOT_FOUND: { trpc: "NOT_FOUND", http: 404 },
  IDEMPOTENCY_KEY_REUSED: { trpc: "CONFLICT", http: 409 },
  ALREADY_REVERSED: { trpc: "CONFLICT", http: 409 },
  CONFLICT: { trpc: "CONFLICT", http: 409 },
  INSUFFICIENT_FUNDS: { trpc: "UNPROCESSABLE_CONTENT", http: 422 },
  WAGER_BLOCKED: { trpc: "FORBIDDEN", http: 403 },
  STAKE_OUT_OF_RANGE: { trpc: "UNPROCESSABLE_CONTENT", http: 422 },
  GAME_UNAVAILABLE: { trpc: "UNPROCESSABLE_CONTENT", http: 422 },
  INVALID_CREDENTIALS: { trpc: "UNAUTHORIZED", http: 401 },
  MFA_REQUIRED: { trpc: "UNAUTHORIZED", http: 401 },
  OTP_REPLAYED: { trpc: "UNAUTHORIZED", http: 401 },
  ACCOUNT_LOCKED: { trpc: "TOO_MANY_REQUESTS", http: 429 },
  PASSWORD_CHANGE_REQUIRED: { trpc: "FORBIDDEN", http: 403 },
  SELF_APPROVAL: { trpc: "FORBIDDEN", http: 403 },
  UNDERAGE: { trpc: "UNPROCESSABLE_CONTENT", http: 422 },
  EMAIL_TAKEN: { trpc: "CONFLICT", http: 409 },
  WEAK_PASSWORD: { trpc: "BAD_REQUEST", http: 400 },
  TOKEN_INVALID: { trpc: "BAD_REQUEST", http: 400 },
  EMAIL_NOT_VERIFIED: { trpc: "FORBIDDEN", http: 403 },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", http: 429 },
  PAYMENT_METHOD_UNAVAILABLE: { trpc: "UNPROCESSABLE_CONTENT", http: 422 },
  PAYMENT_AMOUNT_OUT_OF_RANGE: { trpc: "UNPROCESSABLE_CONTENT", http: 422 },
  PAYMENT_LIMIT_REACHED: { trpc: "UNPROCESSABLE_CONTENT", http: 422 },
  PAYMENT_BLOCKED: { trpc: "FORBIDDEN", http: 403 },
  WITHDRAWAL_NOT_CANCELLABLE: { trpc: "CONFLICT", http: 409 },
  UNAVAILABLE: { trpc: "SERVICE_UNAVAILABLE", http: 503 },
  INTERNAL: { trpc: "INTERNAL_SERVER_ERROR", http: 500 },
};

/**
 * Any thrown value as a DomainError: a service's own schema refusing its input (ZodError) is INVALID_INPUT;
 * anything else unknown becomes INTERNAL (the original is logged, never sent).
 */
export const toDomainError = (error: unknown): DomainError => {
  if (error instanceof DomainError) return error;
  if (error instanceof ZodError) {
    return new DomainError("INVALID_INPUT", {
      meta: { issues: error.issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`) },
      cause: error,
    });
  }
  return new DomainError("INTERNAL", { cause: error });
};
