"use client";

import { Button, Kbd } from "@pitboss/ui";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";
import { useCan, useMe } from "./me-context";

const links = [
  { href: "/", label: en.nav.home, key: "h", permission: "home.read" },
  { href: "/players", label: en.nav.players, key: "p", permission: "player.read" },
  { href: "/adjustments", label: en.nav.adjustments, key: "a", permission: "wallet.read" },
  { href: "/payments", label: en.nav.payments, key: "y", permission: "payments.read" },
  { href: "/withdrawals", label: en.nav.withdrawals, key: "w", permission: "payments.read" },
  { href: "/reconciliation", label: en.nav.reconciliation, key: "r", permission: "payments.read" },
  { href: "/studios", label: en.nav.studios, key: "t", permission: "studios.read" },
  { href: "/audit", label: en.nav.audit, key: "l", permission: "audit.read" },
  { href: "/staff", label: en.nav.staff, key: "s", permission: "staff.read" },
  { href: "/account", label: en.nav.account, key: "m", permission: "self.account" },
] as const;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/** Navigation by permission, plus keyboard shortcuts: `/` jumps to player search, `g` + letter to a page. */
export const ConsoleNav = () => {
  const me = useMe();
  const can = useCan();
  const router = useRouter();
  const pathname = usePathname();
  const trpc = useTRPC();
  const signOut = useMutation(
    trpc.admin.auth.signOut.mutationOptions({ onSettled: () => window.location.assign("/sign-in") }),
  );
  const visible = links.filter((link) => can(link.permission));

  useEffect(() => {
    let pendingG = false;
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "/") {
        event.preventDefault();
        const search = document.getElementById("player-search");
        if (search) search.focus();
        else router.push("/players");
        return;
      }
      if (pendingG) {
        pendingG = false;
        const link = visible.find((l) => l.key === event.key);
        if (link) router.push(link.href);
        return;
      }
      pendingG = event.key === "g";
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, visible]);

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
      {visible.map((link) => {
        const isCurrent = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={isCurrent ? "page" : undefined}
            className={`rounded px-1 outline-none focus-visible:ring-2 focus-visible:ring-chip-400 ${isCurrent ? "text-chip-400" : "text-muted hover:text-ink"}`}
          >
            {link.label}
          </Link>
        );
      })}
      <span className="text-muted text-xs" data-testid="signed-in-as">
        {format(en.nav.signedInAs, { name: me.displayName, roles: me.roles.join(", ") })}
      </span>
      <span className="hidden text-muted text-xs xl:inline" title={en.nav.shortcuts}>
        <Kbd>/</Kbd> <Kbd>g</Kbd>
      </span>
      <Button variant="ghost" size="sm" isBusy={signOut.isPending} onClick={() => signOut.mutate()}>
        {en.nav.signOut}
      </Button>
    </div>
  );
};
