export { parseInput } from "../parse-input";

import { DomainError } from "@pitboss/db";
import { isGameInputError } from "../games/game-input-error";

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
