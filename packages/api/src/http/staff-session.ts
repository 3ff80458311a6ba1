import { newId } from "@pitboss/db";
import { getServiceDeps } from "../deps";
import { resolveStaffSession } from "../domains/staff/resolve-session";
import type { StaffActor } from "../domains/staff/staff.types";
import { getServerEnv } from "../env";
import { createCaller } from "../root";
import type { StaffCookieWriter, TrpcContext } from "../trpc";

/**
 * The admin app's session cookie: its own name (never the player app's), HttpOnly, SameSite=Strict, Path=/,
 * and in production Secure with the `__Host-` prefix (no Domain, so no subdomain can set or read it). It holds
 * only the random token; the database keeps its SHA-256. Set and cleared by the sign-in procedures through the
 * tRPC response headers (see trpc-handler.ts).
 */
const isSecure = () => getServerEnv().NODE_ENV === "production";
export const staffCookieName = () => (isSecure() ? "__Host-pitboss-staff" : "pitboss-staff");

const attributes = () => `Path=/; HttpOnly; SameSite=Strict${isSecure() ? "; Secure" : ""}`;

export const serializeStaffCookie = (token: string, expiresAt: Date) =>
  `${staffCookieName()}=${token}; Expires=${expiresAt.toUTCString()}; ${attributes()}`;
export const clearedStaffCookie = () => `${staffCookieName()}=; Max-Age=0; ${attributes()}`;

type HeaderReader = { get: (name: string) => string | null };

/** The session token from a Cookie header, if any. */
export const readStaffToken = (headers: HeaderReader): string | null => {
  const name = staffCookieName();
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=") || null;
  }
  return null;
};

/**
 * The caller's address (first X-Forwarded-For hop, as set by our proxy or load balancer; deployments without
 * one must strip the header at the edge) and user agent.
 */
export const clientOf = (headers: HeaderReader) => ({
  ip: headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null,
  userAgent: headers.get("user-agent"),
});

/** `ActorResolvers.resolveStaff` for the admin app's route handler. */
export const resolveStaffFromRequest = (request: Request): Promise<StaffActor | null> =>
  resolveStaffSession(getServiceDeps(), readStaffToken(request.headers));

export const staffCookieWriter = (resHeaders: Headers): StaffCookieWriter => ({
  set: (token, expiresAt) => resHeaders.append("set-cookie", serializeStaffCookie(token, expiresAt)),
  clear: () => resHeaders.append("set-cookie", clearedStaffCookie()),
});

/** A server-side caller for the admin app's React Server Components, acting for the cookie's staff member. */
export const createAdminServerCaller = async (headers: HeaderReader) => {
  const deps = getServiceDeps();
  const context: TrpcContext = {
    ...deps,
    requestId: newId("request"),
    app: "admin",
    player: null,
    staff: await resolveStaffSession(deps, readStaffToken(headers)),
    client: clientOf(headers),
  };
  return createCaller(context);
};
