import "server-only";
import { createAdminServerCaller } from "@pitboss/api/http";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

/** tRPC for React Server Components: the same admin procedures, in-process, as the cookie's staff member. */
export const api = cache(async () => createAdminServerCaller(await headers()));

/**
 * The signed-in staff member, or a redirect to the sign-in steps. Layouts and pages render concurrently, so
 * every server page that fetches calls this first (once per request, cached) instead of relying on the layout.
 */
export const requireStaff = cache(async () => {
  const me = await (await api()).admin.auth.me();
  if (me?.stage !== "ready") redirect("/sign-in");
  return me;
});
