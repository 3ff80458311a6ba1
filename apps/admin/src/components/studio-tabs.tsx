"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { en } from "~/i18n/en";

const tabs = [
  { href: "/studios", label: en.studios.tabs.providers },
  { href: "/studios/open-rounds", label: en.studios.tabs.openRounds },
  { href: "/studios/reconcile", label: en.studios.tabs.reconcile },
] as const;

/** The studios section's own navigation: providers (with their catalogues), open rounds, reconciliation. */
export const StudioTabs = () => {
  const pathname = usePathname();
  const current = (href: string) =>
    href === "/studios" ? pathname === href || pathname.startsWith("/studios/providers") : pathname.startsWith(href);
  return (
    <nav aria-label={en.nav.studios} className="mb-3 flex gap-3 border-felt-700 border-b pb-2 text-sm">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={current(tab.href) ? "page" : undefined}
          className={`rounded px-1 outline-none focus-visible:ring-2 focus-visible:ring-chip-400 ${current(tab.href) ? "text-chip-400" : "text-muted hover:text-ink"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
};
