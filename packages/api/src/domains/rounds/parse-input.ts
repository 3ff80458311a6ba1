import { DomainError } from "@pitboss/db";
import type { z } from "zod";
import { isGameInputError } from "../games/game-input-error";

/** Validates a service's raw input; a failure is INVALID_INPUT with the issues (never an INTERNAL). */
export const parseInput = <Schema extends z.ZodType>(schema: Schema, raw: unknown): z.output<Schema> => {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError("INVALID_INPUT", {
      message: "invalid input",
      meta: { issues: parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`) },
    });
  }
  return parsed.data;
};

/** Runs game math; its GameInputError (unknown game, invalid parameters) becomes DomainError INVALID_INPUT. */
export const withGameInput = <T>(run: () => T): T => {
  try {
    return run();
  } catch (error) {
    if (isGameInputError(error)) {
      throw new DomainError("INVALID_INPUT", { message: error.message, meta: { issues: error.issues }, cause: error });
    }
    throw error;
  }
};
