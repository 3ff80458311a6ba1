import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpResult } from "../domains/bridge/bridge.types";
import { MAX_BODY_BYTES } from "../domains/bridge/provider-request";
import {
  hub88WalletHandler,
  type ProviderHttpInput,
  pitbossWalletHandler,
  pragmaticWalletHandler,
} from "../http/provider-wallet";
import { securityHeaders } from "../http/security-headers";

type Route = {
  prefix: string;
  handle: (input: ProviderHttpInput) => Promise<HttpResult>;
  /** The route's path segments after the prefix, as the player site's Next routes receive them; null: no route. */
  segments: (rest: string[]) => string[] | null;
};

/** The same URLs, and the same handlers, as the player site's `/api/providers/*` routes. */
const routes: Route[] = [
  { prefix: "/api/providers/hub88/", handle: hub88WalletHandler, segments: (rest) => rest },
  // `[action]`: exactly one segment (`bet.html`).
  {
    prefix: "/api/providers/pragmatic/",
    handle: pragmaticWalletHandler,
    segments: (rest) => (rest.length === 1 ? rest : null),
  },
  { prefix: "/api/providers/pitboss/", handle: pitbossWalletHandler, segments: (rest) => rest },
];

const baseHeaders = Object.fromEntries(securityHeaders.map(({ key, value }) => [key, value]));

const send = (res: ServerResponse, status: number, body: Buffer | string, headers: Record<string, string> = {}) => {
  // A length rather than chunked encoding: one write, and a client knows where the answer ends without parsing chunks.
  res.writeHead(status, {
    ...baseHeaders,
    "cache-control": "private, no-store",
    ...headers,
    "content-length": String(Buffer.byteLength(body)),
  });
  res.end(body);
};

/** The body up to MAX_BODY_BYTES; a larger one is flagged and left unread, as `readProviderBody` does. */
const readBody = (req: IncomingMessage) =>
  new Promise<{ body: Buffer; isTooLarge: boolean }>((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? "0") > MAX_BODY_BYTES) {
      req.resume();
      resolve({ body: Buffer.alloc(0), isTooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let isTooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) isTooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () =>
      resolve(isTooLarge ? { body: Buffer.alloc(0), isTooLarge } : { body: Buffer.concat(chunks), isTooLarge }),
    );
    req.on("error", reject);
  });

const segmentsOf = (path: string) => {
  try {
    return path
      .split("/")
      .filter((segment) => segment !== "")
      .map(decodeURIComponent);
  } catch {
    return null;
  }
};

const handleRequest = async (req: IncomingMessage, res: ServerResponse) => {
  const path = new URL(req.url ?? "/", "http://gateway").pathname;
  if (path === "/api/health")
    return send(res, 200, JSON.stringify({ status: "live" }), { "content-type": "application/json" });
  const route = routes.find((candidate) => path.startsWith(candidate.prefix));
  const rest = route ? segmentsOf(path.slice(route.prefix.length)) : null;
  const segments = route && rest ? route.segments(rest) : null;
  if (!route || !segments || segments.length === 0) return send(res, 404, "Not Found");
  if (req.method !== "POST") return send(res, 405, "Method Not Allowed", { allow: "POST" });
  const body = await readBody(req);
  const headers = {
    get: (name: string) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
  };
  const result = await route.handle({ path: segments, ...body, headers });
  send(res, result.status, result.body, result.headers);
};

/**
 * The studio wallet gateway: the three studio protocols (Hub88-, Pragmatic-compatible and ours) on plain
 * node:http, for hosts that run containers. The player site serves the same URLs through Next (for Vercel and
 * single-process installs); this process skips Next's request pipeline, which costs more than the bet itself,
 * and lets studio traffic scale apart from the player site. Handlers, credentials, rate limits and answers are
 * the same code.
 */
export const startStudioGateway = async (options: { port?: number; host?: string } = {}) => {
  const server = createServer((req, res) => {
    handleRequest(req, res).catch(() => {
      // The handlers answer every failure in their protocol; only a broken connection can land here.
      if (!res.headersSent) send(res, 500, "Internal Server Error");
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000; // above the usual load balancer idle timeout of 60 s
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "0.0.0.0", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
