/**
 * Mines as the step-by-step screen shows it, from the engine's own math (packages/api domains/games): the cash-out
 * multiplier after k safe tiles with m mines in 25 is the exact ratio 0.99 · C(25, k) / C(25 − m, k), and cashing
 * out pays floor(stake · num / den), so the amount shown is exactly what the player gets.
 */
import type { Ratio } from "@pitboss/api/client";

/** The multiplier in hundredths, rounded down, for display (formatHundredths). */
export const ratioHundredths = (ratio: Ratio) => Number((ratio.num * 100n) / ratio.den);
