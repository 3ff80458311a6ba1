import { DomainError } from "@pitboss/db";
import type { z } from "zod";

/**
 * Validates a service's raw input. A failure is INVALID_INPUT listing the issues and the fields involved, so
 * a form can point at them; never an INTERNAL. (A bare `schema.parse` in a service ends the same way: the
 * transport maps a ZodError to INVALID_INPUT too, see toDomainError.)
 */
export const parseInput = <Schema extends z.ZodType>(schema: Schema, raw: unknown): z.output<Schema> => {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError("INVALID_INPUT", {
      message: "invalid input",
      meta: {
        issues: parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`),
        fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")))],
      },
    });
  }
  return parsed.data;
};
