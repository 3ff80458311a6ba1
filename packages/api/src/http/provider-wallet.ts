import { getServiceDeps } from "../deps";
import type { BridgeDeps, HttpResult } from "../domains/bridge/bridge.types";
import { credentialsFrom } from "../domains/bridge/credentials";
import { handleHub88, hub88Failure } from "../domains/bridge/hub88/hub88.handler";
import { handlePitboss, pitbossFailure } from "../domains/bridge/pitboss/pitboss.handler";
import { handlePragmatic, pragmaticFailure } from "../domains/bridge/pragmatic/pragmatic.handler";
import { MAX_BODY_BYTES, type ProviderRequest } from "../domains/bridge/provider-request";
import { tokenBuckets } from "../domains/bridge/rate-limit";
import { getServerEnv } from "../env";
import { requestIdOf } from "./request-id";

// One set of parsed studio credentials per process, next to the shared deps.
const processGlobals = globalThis as unknown as { pitbossBridgeDeps?: BridgeDeps };

const bridgeDeps = (): BridgeDeps => {
  if (!processGlobals.pitbossBridgeDeps) {
    const env = getServerEnv();
    const deps = getServiceDeps();
    const credentials = credentialsFrom(env.STUDIO_CREDENTIALS, env.DEMO_STUDIO_PUBLIC_KEY);
    for (const code of credentials.invalid) {
      deps.logger.error({ provider: code }, "studio credentials: the key does not parse; the provider is refused");
    }
    processGlobals.pitbossBridgeDeps = {
      ...deps,
      credentials,
      rateLimiter: tokenBuckets(deps.now, env.STUDIO_RATE_LIMIT),
    };
  }
  return processGlobals.pitbossBridgeDeps;
};

/**
 * The raw request body, read up to MAX_BODY_BYTES: a larger one is cut off unread and flagged, so the adapter
 * answers with its protocol's error without buffering an attacker's gigabytes.
 */
export const readProviderBody = async (request: Request): Promise<{ body: Buffer; isTooLarge: boolean }> => {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES || !request.body)
    return { body: Buffer.alloc(0), isTooLarge: declared > MAX_BODY_BYTES };
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      return { body: Buffer.alloc(0), isTooLarge: true };
    }
    chunks.push(Buffer.from(value));
  }
  return { body: Buffer.concat(chunks), isTooLarge: false };
};

type Handler = (deps: BridgeDeps, request: ProviderRequest) => Promise<HttpResult>;
export type ProviderHttpInput = {
  path: string[];
  body: Buffer;
  isTooLarge?: boolean;
  headers: { get: (name: string) => string | null };
};

const walletHandler =
  (name: string, handle: Handler, failure: () => HttpResult) =>
  async (input: ProviderHttpInput): Promise<HttpResult> => {
    const requestId = requestIdOf({ headers: input.headers } as Request);
    const shared = bridgeDeps();
    // The request's id in its log lines and ledger events, without AsyncLocalStorage (BridgeDeps.requestId says why).
    const deps: BridgeDeps = { ...shared, logger: shared.logger.child({ requestId }), requestId };
    let result: HttpResult;
    try {
      result = await handle(deps, { ...input, requestId });
    } catch (error) {
      deps.logger.error({ err: error, protocol: name, path: input.path.join("/") }, "studio wallet: unhandled error");
      result = failure();
    }
    return { ...result, headers: { ...result.headers, "x-request-id": requestId } };
  };

/** `/api/providers/hub88/<provider>/<action>`: the Hub88-compatible wallet. */
export const hub88WalletHandler = walletHandler("hub88", handleHub88, hub88Failure);
/** `/api/providers/pragmatic/<method>.html`: the Pragmatic-compatible wallet. */
export const pragmaticWalletHandler = walletHandler("pragmatic", handlePragmatic, pragmaticFailure);
/** `/api/providers/pitboss/v1/<provider>/<action>`: our own wallet protocol. */
export const pitbossWalletHandler = walletHandler("pitboss", handlePitboss, pitbossFailure);
