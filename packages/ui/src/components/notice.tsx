import type { ReactNode } from "react";

export type NoticeProps = {
  tone?: "info" | "success" | "warning" | "danger";
  title?: ReactNode;
  children?: ReactNode;
  testId?: string;
};

const tones = {
  info: "border-sky-400/40 bg-sky-400/10",
  success: "border-emerald-500/40 bg-emerald-500/10",
  warning: "border-chip-500/50 bg-chip-500/10",
  danger: "border-danger/50 bg-danger/10",
} as const;

/** A message box; danger and warning notices are announced to screen readers at once. */
export const Notice = ({ tone = "info", title, children, testId }: NoticeProps) => (
  <div
    role={tone === "danger" || tone === "warning" ? "alert" : "status"}
    data-testid={testId}
    className={`rounded-md border px-3 py-2 text-sm ${tones[tone]}`}
  >
    {title ? <p className="font-semibold">{title}</p> : null}
    {children}
  </div>
);
