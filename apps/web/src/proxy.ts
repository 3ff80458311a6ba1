import { pageContentSecurityPolicy } from "@pitboss/api/security-headers";
import { type NextRequest, NextResponse } from "next/server";
import { getWebEnv } from "~/env";
import { isLocale, localeCookie } from "~/i18n/config";

const assetOrigin = (() => {
  try {
    return process.env.ASSET_PREFIX ? new URL(process.env.ASSET_PREFIX).origin : null;
  } catch {
    return null;
  }
})();

/**
 * Every page gets a fresh nonce and the CSP built from it (Next puts the nonce on its own scripts when it sees
 * the policy on the request). `/offline?lang=xx` renders in that language without the visitor's cookies: the
 * service worker fetches it that way to keep a copy free of anything personal.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = pageContentSecurityPolicy({
    nonce,
    frameOrigins: getWebEnv().STUDIO_ORIGINS,
    assetOrigin,
    isDevelopment: process.env.NODE_ENV !== "production",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const lang = request.nextUrl.searchParams.get("lang");
  if (request.nextUrl.pathname === "/offline" && isLocale(lang)) {
    requestHeaders.set("cookie", `${localeCookie}=${lang}`);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|sw.js|icons|manifest.webmanifest).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
