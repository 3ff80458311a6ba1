import type { ReactNode } from "react";

export type PageShellProps = { brand: ReactNode; nav?: ReactNode; children: ReactNode };

/** The frame of every page: header with brand and navigation, then content. */
export const PageShell = ({ brand, nav, children }: PageShellProps) => (
  <div className="min-h-dvh bg-felt-950 font-sans text-ink">
    <header className="flex items-center justify-between border-felt-700 border-b px-4 py-3 md:px-8">
      <div className="font-bold text-chip-400 text-xl tracking-tight">{brand}</div>
      {nav ? <nav className="flex gap-4 text-sm">{nav}</nav> : null}
    </header>
    <main className="mx-auto max-w-6xl px-4 py-6 md:px-8">{children}</main>
  </div>
);
