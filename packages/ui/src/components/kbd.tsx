import type { ReactNode } from "react";

/** A keyboard key, for shortcut hints. */
export const Kbd = ({ children }: { children: ReactNode }) => (
  <kbd className="rounded border border-felt-700 bg-felt-950 px-1 font-mono text-[0.7rem] text-muted">{children}</kbd>
);
