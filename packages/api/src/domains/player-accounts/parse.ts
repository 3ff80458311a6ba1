import { DomainError } from "@pitboss/db";
import type { z } from "zod";

/** Validates a service's raw input; a failure is INVALID_INPUT listing the issues (never an INTERNAL). */
export const parseAccountInput = <Schema extends z.ZodType>(schema: Schema, raw: unknown): z.output<Schema> => {
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

export const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";
