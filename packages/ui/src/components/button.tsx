import type { ButtonHTMLAttributes } from "react";

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger" | "ghost";
  size?: "sm" | "md";
  isBusy?: boolean;
};

const variants = {
  primary: "bg-chip-500 text-felt-950 hover:bg-chip-400",
  secondary: "border border-felt-700 bg-felt-900 text-ink hover:bg-felt-700",
  danger: "bg-danger text-ink hover:brightness-110",
  ghost: "text-muted hover:bg-felt-900 hover:text-ink",
} as const;

const sizes = { sm: "px-2 py-1 text-xs", md: "px-3 py-1.5 text-sm" } as const;

/** A button; `isBusy` disables it and marks it busy while its action runs. */
export const Button = ({
  variant = "primary",
  size = "md",
  isBusy = false,
  className = "",
  type = "button",
  disabled,
  children,
  ...props
}: ButtonProps) => (
  <button
    type={type}
    disabled={disabled || isBusy}
    aria-busy={isBusy || undefined}
    className={`inline-flex items-center justify-center gap-1 rounded-md font-medium outline-none transition focus-visible:ring-2 focus-visible:ring-chip-400 disabled:cursor-not-allowed disabled:opacity-50 ${variants[variant]} ${sizes[size]} ${className}`}
    {...props}
  >
    {children}
  </button>
);
