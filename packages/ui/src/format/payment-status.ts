import type { BadgeTone } from "../components/badge";

const tones: Record<string, BadgeTone> = {
  COMPLETED: "success",
  PAID: "success",
  FAILED: "danger",
  REJECTED: "danger",
  EXPIRED: "danger",
  HELD: "warning",
  AWAITING_APPROVAL: "warning",
  CANCELLED: "neutral",
};

/** How a payment's status reads at a glance, alike for the player's cashier and the finance screens. */
export const paymentStatusTone = (status: string): BadgeTone => tones[status] ?? "info";
