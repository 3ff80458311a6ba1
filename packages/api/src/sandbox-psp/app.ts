import http from "node:http";
import type { AddressInfo } from "node:net";
import { createLogger, type Logger } from "@pitboss/db";
import { z } from "zod";
import { handleApi } from "./api";
import { expireAbandoned, type SandboxContext } from "./context";
import {
  isSandboxPspProvider,
  type PspCredentials,
  type SandboxPspProvider,
  sandboxPspCredentials,
  sandboxPspProviders,
} from "./credentials";
import { handleHostedPage } from "./hosted";
import { BodyTooLargeError, parseJsonObject, readBody, sendError, sendHtml, sendJson } from "./http-utils";
import { indexPage } from "./pages";
import { createInstances, type SandboxControl, type SandboxInstance } from "./store";
import { createWebhookSender, type WebhookFetch } from "./webhooks";

export type SandboxPspOptions = {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** The browser-facing base URL of the hosted pages; default the URL it listens on. */
  publicUrl?: string;
  /** Delay before each webhook (default 150 ms); the `_control` switch changes it per provider. */
  webhookDelayMs?: number;
  /** Waits before each webhook retry (default 1 s, 2 s, 4 s, 8 s). */
  retryDelaysMs?: readonly number[];
  /** How long a payout hangs in mode `timeout` before the sandbox answers 504 (default 30 s). */
  payoutHangMs?: number;
  /** A payment left on the hosted page expires after this long (default 30 minutes). */
  paymentTtlMs?: number;
  credentials?: (provider: string) => PspCredentials;
  now?: () => number;
  logger?: Logger;
  fetch?: WebhookFetch;
};

const controlPatch = z
  .object({
    mode: z.enum(["ok", "down", "error500", "timeout"]),
    webhookDelayMs: z.number().int().min(0).max(600_000),
    duplicateWebhooks: z.boolean(),
    reorderWebhooks: z.boolean(),
    pendingPayouts: z.boolean(),
  })
  .partial()
  .strict();
export type SandboxControlPatch = Partial<SandboxControl>;

/**
 * The sandbox PSP as a request handler: `/{provider}/…` for cardpay, cardplus and instabank (API, hosted pages,
 * health, test control) plus `/` (a page listing the test cards) and `/health`.
 */
export const createSandboxPsp = (options: Omit<SandboxPspOptions, "publicUrl"> & { publicUrl: () => string }) => {
  const logger = options.logger ?? createLogger({ name: "sandbox-psp" });
  const now = options.now ?? Date.now;
  const credentials = options.credentials ?? ((provider: string) => sandboxPspCredentials(provider));
  const instances = createInstances(options.webhookDelayMs ?? 150);
  const timers = new Set<NodeJS.Timeout>();
  let isClosed = false;
  const sender = createWebhookSender({
    secretOf: (provider) => credentials(provider).webhookSecret,
    now,
    logger,
    ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const context: SandboxContext = {
    instances,
    sender,
    credentials,
    now,
    logger,
    publicUrl: options.publicUrl,
    paymentTtlMs: options.paymentTtlMs ?? 30 * 60_000,
    payoutHangMs: options.payoutHangMs ?? 30_000,
    later: (delayMs, run) => {
      if (isClosed) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, delayMs);
      timers.add(timer);
    },
  };
  // Abandoned payments expire even when nobody asks about them, so their webhook goes out on time.
  const sweeper = setInterval(() => {
    for (const instance of instances.values()) expireAbandoned(context, instance);
  }, 5_000);
  sweeper.unref();

  const instanceOf = (provider: string): SandboxInstance => {
    const instance = isSandboxPspProvider(provider) ? instances.get(provider) : undefined;
    if (!instance) throw new Error(`unknown sandbox provider ${provider} (one of ${sandboxPspProviders.join(", ")})`);
    return instance;
  };

  const control = (provider: SandboxPspProvider | string, patch: SandboxControlPatch) => {
    const instance = instanceOf(provider);
    instance.control = { ...instance.control, ...controlPatch.parse(patch) };
    return { ...instance.control };
  };

  const route = async (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => {
    const method = request.method ?? "GET";
    const [provider = "", section, ...rest] = url.pathname.split("/").filter((part) => part !== "");
    if (provider === "" && method === "GET") return sendHtml(response, 200, indexPage(sandboxPspProviders));
    if (provider === "health" && !section) return sendJson(response, 200, { ok: true });
    const instance = isSandboxPspProvider(provider) ? instances.get(provider) : undefined;
    if (!instance) return sendError(response, 404, "not_found");
    if (section === "health" && rest.length === 0) {
      return instance.control.mode === "down"
        ? sendJson(response, 503, { ok: false })
        : sendJson(response, 200, { ok: true });
    }
    if (section === "_control" && rest.length === 0) {
      if (method === "GET") return sendJson(response, 200, instance.control);
      const patch = controlPatch.safeParse(parseJsonObject(await readBody(request)));
      if (!patch.success) return sendError(response, 400, "invalid_request", patch.error.issues[0]?.message);
      return sendJson(response, 200, control(provider, patch.data));
    }
    if (section === "_events" && rest.length === 0 && method === "GET") {
      return sendJson(
        response,
        200,
        instance.deliveries.map(({ event, attempts, lastStatus, isDelivered }) => ({
          ...event,
          attempts,
          lastStatus,
          isDelivered,
        })),
      );
    }
    if (section === "v1" && (await handleApi(context, instance, rest, url, request, response))) return;
    if (section === "pay" && (await handleHostedPage(context, instance, rest, request, response))) return;
    return sendError(response, 404, "not_found");
  };

  const handle = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://sandbox-psp.local");
    route(request, response, url).catch((error: unknown) => {
      if (response.headersSent) return response.end();
      if (error instanceof BodyTooLargeError) return sendError(response, 413, "body_too_large");
      logger.error({ err: error, path: url.pathname }, "sandbox psp: request failed");
      return sendError(response, 500, "internal_error");
    });
  };

  const close = async () => {
    isClosed = true;
    clearInterval(sweeper);
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    await sender.close();
  };

  return { handle, control, close, instances, settled: sender.settled };
};

export type SandboxPsp = {
  /** Where it listens, for the adapters (no trailing slash). */
  url: string;
  close: () => Promise<void>;
  control: (provider: SandboxPspProvider | string, patch: SandboxControlPatch) => SandboxControl;
  /** Resolves when no webhook is waiting or on the wire (retries included). */
  webhooksSettled: () => Promise<void>;
};

/** Starts the sandbox in this process (tests), or as the sandbox process does (server.ts). */
export const startSandboxPsp = async (options: SandboxPspOptions = {}): Promise<SandboxPsp> => {
  const host = options.host ?? "127.0.0.1";
  const server = http.createServer();
  let listenUrl = "";
  const publicUrl = options.publicUrl?.replace(/\/+$/, "");
  const psp = createSandboxPsp({ ...options, publicUrl: () => publicUrl ?? listenUrl });
  server.on("request", psp.handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  listenUrl = `http://${urlHost.includes(":") ? `[${urlHost}]` : urlHost}:${port}`;
  return {
    url: listenUrl,
    control: psp.control,
    webhooksSettled: psp.settled,
    close: async () => {
      await psp.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
