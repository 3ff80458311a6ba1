import { PageShell } from "@pitboss/ui";
import type { ReactNode } from "react";
import { ConsoleNav } from "~/components/console-nav";
import { MeProvider } from "~/components/me-context";
import { en } from "~/i18n/en";
import { requireStaff } from "~/trpc/server";

export const dynamic = "force-dynamic";

/**
 * Every console page: only for a fully signed-in staff member (password, TOTP, own password). Anyone else is
 * sent to the sign-in steps. Permissions travel to the client to hide what the role cannot do.
 */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const me = await requireStaff();
  return (
    <MeProvider me={me}>
      <PageShell brand={en.brand} nav={<ConsoleNav />}>
        {children}
      </PageShell>
    </MeProvider>
  );
}
