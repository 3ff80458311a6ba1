/**
 * A positive stake in minor units: a bigint, or its decimal string (how it travels in plain JSON).
 * Numbers are refused so a float can never become money.
 */
import { z } from "zod";

export const MAX_STAKE_DIGITS = 30;

export const stakeSchema = z
  .union([
    z.bigint(),
    z
      .string()
      .regex(new RegExp(`^[0-9]{1,${MAX_STAKE_DIGITS}}$`), "stake must be a decimal integer string")
      .transform((digits) => BigInt(digits)),
  ])
  .refine((stake) => stake > 0n, "stake must be positive")
  .refine((stake) => stake < 10n ** BigInt(MAX_STAKE_DIGITS), "stake is too large");
