import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info";
export type BadgeProps = { tone?: BadgeTone; children: ReactNode; testId?: string };

const tones: Record<BadgeTone, string> = {
  neutral: "border-felt-700 text-muted",
  success: "border-emerald-500/50 text-emerald-300",
  warning: "border-chip-500/60 text-chip-400",
  danger: "border-danger/60 text-danger",
  info: "border-sky-400/50 text-sky-300",
};

export const Badge = ({ tone = "neutral", children, testId }: BadgeProps) => (
  <span
    data-testid={testId}
    className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 font-medium text-xs ${tones[tone]}`}
  >
    {children}
  </span>
);
