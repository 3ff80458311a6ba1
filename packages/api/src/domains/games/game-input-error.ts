/**
 * Thrown when a verification or round request names an unknown game or carries invalid parameters.
 * Game math imports nothing but node:crypto and zod, so this is not a DomainError; callers map it onto
 * DomainError("INVALID_INPUT") (its `code` matches).
 */
export class GameInputError extends Error {
  readonly code = "INVALID_INPUT" as const;
  readonly issues: readonly string[];

  constructor(message: string, issues: readonly string[] = []) {
    super(message);
    this.name = "GameInputError";
    this.issues = issues;
  }
}

export const isGameInputError = (error: unknown): error is GameInputError => error instanceof GameInputError;
