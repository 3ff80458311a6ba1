import type { ReactNode } from "react";

export type CardProps = { title?: ReactNode; children: ReactNode; className?: string };

export const Card = ({ title, children, className = "" }: CardProps) => (
  <section className={`rounded-2xl border border-felt-700 bg-felt-900 p-4 shadow-sm ${className}`}>
    {title ? <h2 className="mb-2 font-semibold text-ink text-lg">{title}</h2> : null}
    {children}
  </section>
);
