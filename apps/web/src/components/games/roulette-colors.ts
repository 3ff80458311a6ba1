import type { PocketColor } from "@pitboss/api/client";

/** The fill of a roulette pocket or colour bet spot, by the engine's pocket colour. */
export const pocketColors = {
  red: "bg-red-700",
  black: "bg-neutral-900",
  green: "bg-emerald-700",
} as const satisfies Record<PocketColor, string>;
