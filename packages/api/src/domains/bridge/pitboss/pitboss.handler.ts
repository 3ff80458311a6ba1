import { isCurrencyCode } from "@pitboss/db";
import type { z } from "zod";
import { parseMinorString } from "../amounts";
import { balanceField, currencyField } from "../balances";
import { claimNonce } from "../bridge.repo";
import type {
  AnswerBalances,
  Balances,
  BridgeDeps,
  BridgeRefusal,
  BridgeResult,
  CommandOptions,
  HttpResult,
  ResponseView,
} from "../bridge.types";
import { type JsonObject, jsonBody, parseJsonObject } from "../json";
import { placeBet } from "../place-bet";
import type { ProviderRequest } from "../provider-request";
import { findProvider } from "../providers";
import { rollbackTransaction } from "../rollback-transaction";
import { authenticateSession, endRound, getBalance } from "../session-commands";
import { settleWin } from "../settle-win";
import {
  isPitbossAction,
  type PitbossAction,
  pitbossActions,
  type pitbossBet,
  type pitbossRollback,
  type pitbossWin,
} from "./pitboss.schemas";
import { checkPitbossSignature } from "./pitboss-signature";

export const PITBOSS_CONTRACT = "pitboss-wallet/1";

/** Typed error codes with their HTTP status; `retryable` tells a studio whether the same request may succeed later. */
export const pitbossErrors = {
  BAD_REQUEST: { http: 400, retryable: false },
  PAYLOAD_TOO_LARGE: { http: 413, retryable: false },
  UNKNOWN_PROVIDER: { http: 401, retryable: false },
  INVALID_SIGNATURE: { http: 401, retryable: false },
  STALE_REQUEST: { http: 401, retryable: false },
  REPLAYED_REQUEST: { http: 409, retryable: false },
  INVALID_TOKEN: { http: 401, retryable: false },
  TOKEN_EXPIRED: { http: 401, retryable: false },
  PLAYER_NOT_FOUND: { http: 404, retryable: false },
  PLAYER_BLOCKED: { http: 403, retryable: false },
  LIMIT_REACHED: { http: 403, retryable: false },
  STAKE_OUT_OF_RANGE: { http: 422, retryable: false },
  INSUFFICIENT_FUNDS: { http: 422, retryable: false },
  CURRENCY_MISMATCH: { http: 422, retryable: false },
  GAME_UNAVAILABLE: { http: 422, retryable: false },
  DUPLICATE_TRANSACTION: { http: 409, retryable: false },
  TRANSACTION_NOT_FOUND: { http: 404, retryable: true },
  TRANSACTION_ROLLED_BACK: { http: 409, retryable: false },
  RATE_LIMITED: { http: 429, retryable: true },
  UNAVAILABLE: { http: 503, retryable: true },
  INTERNAL: { http: 500, retryable: true },
} as const;
export type PitbossErrorCode = keyof typeof pitbossErrors;

const codeOf: Record<BridgeRefusal, PitbossErrorCode> = {
  INVALID_TOKEN: "INVALID_TOKEN",
  TOKEN_EXPIRED: "TOKEN_EXPIRED",
  PLAYER_NOT_FOUND: "PLAYER_NOT_FOUND",
  USER_DISABLED: "PLAYER_BLOCKED",
  LIMIT_REACHED: "LIMIT_REACHED",
  BET_OUT_OF_LIMITS: "STAKE_OUT_OF_RANGE",
  NOT_ENOUGH_MONEY: "INSUFFICIENT_FUNDS",
  WRONG_CURRENCY: "CURRENCY_MISMATCH",
  UNKNOWN_GAME: "GAME_UNAVAILABLE",
  DUPLICATE_TRANSACTION: "DUPLICATE_TRANSACTION",
  TRANSACTION_NOT_FOUND: "TRANSACTION_NOT_FOUND",
  TRANSACTION_ROLLED_BACK: "TRANSACTION_ROLLED_BACK",
  UNAVAILABLE: "UNAVAILABLE",
  INTERNAL: "INTERNAL",
};

const baseHeaders = { "content-type": "application/json", "cache-control": "no-store" };

const balanceOf = (balances: AnswerBalances): JsonObject => ({
  currency: currencyField(balances),
  cashMinor: balanceField(balances, "c", null, 0, true),
  bonusMinor: balanceField(balances, "b", null, 0, true),
});

/** The request id is echoed in a header, never in the body: a retry (new request id) gets the stored body as is. */
const withEcho = (requestId: string | null) =>
  requestId ? { ...baseHeaders, "x-pitboss-request-id": requestId } : baseHeaders;

const errorReply = (
  code: PitbossErrorCode,
  requestId: string | null,
  balances?: Balances,
  retryable: boolean = pitbossErrors[code].retryable,
): HttpResult => ({
  status: pitbossErrors[code].http,
  headers: withEcho(requestId),
  body: jsonBody({
    ok: false,
    error: { code, retryable },
    ...(balances ? { balance: balanceOf(balances) } : {}),
  }),
});

export const pitbossFailure = () => errorReply("INTERNAL", null);

export const pitbossView = (requestId: string): ResponseView => ({
  render: (result: BridgeResult) =>
    result.ok
      ? {
          status: 200,
          headers: withEcho(requestId),
          body: jsonBody({
            ok: true,
            ...(result.transactionId ? { transactionId: result.transactionId } : {}),
            playerId: result.playerId,
            balance: balanceOf(result.balances),
          }),
        }
      : errorReply(codeOf[result.refusal], requestId, result.balances, result.isRetryable),
  replay: (stored) => ({ status: stored.status, headers: withEcho(requestId), body: stored.body }),
});

/**
 * Our own wallet protocol (`/api/providers/pitboss/v1/<provider>/<action>`): HMAC-SHA256 over timestamp and raw
 * body with a 5-minute tolerance, a nonce (`requestId`) accepted once, JSON with amounts in minor units as strings,
 * typed error codes with HTTP statuses that say whether a retry can help.
 */
export const handlePitboss = async (deps: BridgeDeps, request: ProviderRequest): Promise<HttpResult> => {
  const [version, providerCode = "", action = "", ...extra] = request.path;
  if (version !== "v1" || extra.length > 0 || !isPitbossAction(action)) return errorReply("BAD_REQUEST", null);
  const refuse = (code: PitbossErrorCode, reason: string, requestId: string | null = null) => {
    deps.logger.warn({ provider: providerCode, action, code, reason }, "wallet protocol: request refused");
    return errorReply(code, requestId);
  };
  if (request.isTooLarge) return refuse("PAYLOAD_TOO_LARGE", "body too large");
  const provider = await findProvider(deps, providerCode, "PITBOSS");
  if (!provider) return refuse("UNKNOWN_PROVIDER", "unknown provider");
  const secret = deps.credentials.get(provider.code)?.secret;
  if (!secret) {
    deps.logger.error({ provider: provider.code }, "wallet protocol: no secret configured (STUDIO_CREDENTIALS)");
    return refuse("INVALID_SIGNATURE", "no secret");
  }
  const now = deps.now();
  const signature = checkPitbossSignature(secret, request.headers, request.body, now);
  if (signature !== "OK") return refuse(signature, "signature check");
  if (!deps.rateLimiter.take(provider.code)) {
    const limited = refuse("RATE_LIMITED", "rate limit");
    const retryAfter = String(deps.rateLimiter.retryAfterSeconds(provider.code));
    return { ...limited, headers: { ...limited.headers, "retry-after": retryAfter } };
  }
  const parsed = parseJsonObject(request.body);
  const validated = parsed ? pitbossActions[action].safeParse(parsed) : null;
  if (!validated?.success) return refuse("BAD_REQUEST", "invalid body");
  const { requestId } = validated.data;
  const replayed = () => refuse("REPLAYED_REQUEST", "request id seen before", requestId);
  // Money commands claim the nonce inside their own statement; the others first, on their own.
  if (!isMoneyAction(action) && !(await claimNonce(deps.db, provider.code, requestId, now))) return replayed();
  return dispatch(
    deps,
    provider.code,
    action,
    validated.data,
    pitbossView(requestId),
    { nonce: requestId, onReplayedNonce: replayed },
    (reason) => refuse("BAD_REQUEST", reason, requestId),
  );
};

const isMoneyAction = (action: PitbossAction) => action === "bet" || action === "win" || action === "rollback";

const dispatch = async (
  deps: BridgeDeps,
  provider: string,
  action: PitbossAction,
  input: unknown,
  view: ResponseView,
  options: CommandOptions,
  badRequest: (reason: string) => HttpResult,
): Promise<HttpResult> => {
  switch (action) {
    case "authenticate": {
      const { token, requestId } = input as { token: string; requestId: string };
      const result = await authenticateSession(deps, { provider, token });
      if (!result.ok) return view.render(result);
      return {
        status: 200,
        headers: withEcho(requestId),
        body: jsonBody({
          ok: true,
          playerId: result.playerId,
          currency: result.currency,
          country: result.country,
          gameCode: result.gameCode ?? null,
          balance: balanceOf(result.balances),
        }),
      };
    }
    case "balance": {
      const { playerId, token } = input as { playerId: string; token?: string };
      const result = await getBalance(deps, { provider, playerId, token: token ?? null });
      return view.render(result.ok ? { ...result, transactionId: "" } : result);
    }
    case "end-round": {
      const { playerId, roundId } = input as { playerId: string; roundId: string };
      const result = await endRound(deps, { provider, playerId, providerRoundId: roundId });
      return view.render(result.ok ? { ...result, transactionId: "" } : result);
    }
    case "bet": {
      const bet = input as z.infer<typeof pitbossBet>;
      const amountMinor = parseMinorString(bet.amountMinor);
      if (!isCurrencyCode(bet.currency) || amountMinor === null) return badRequest("currency or amount");
      return placeBet(
        deps,
        {
          provider,
          playerId: bet.playerId,
          providerTxnId: bet.transactionId,
          providerRoundId: bet.roundId,
          gameCode: bet.gameCode,
          currency: bet.currency,
          walletCurrency: bet.currency,
          amountMinor,
          token: bet.token,
          isRoundClosed: bet.roundClosed ?? false,
          contractVer: PITBOSS_CONTRACT,
        },
        view,
        options,
      );
    }
    case "win": {
      const win = input as z.infer<typeof pitbossWin>;
      const amountMinor = parseMinorString(win.amountMinor);
      if (!isCurrencyCode(win.currency) || amountMinor === null) return badRequest("currency or amount");
      return settleWin(
        deps,
        {
          provider,
          playerId: win.playerId,
          providerTxnId: win.transactionId,
          providerRoundId: win.roundId,
          gameCode: win.gameCode,
          currency: win.currency,
          walletCurrency: win.currency,
          amountMinor,
          referenceTxnId: win.betTransactionId ?? null,
          isRoundClosed: win.roundClosed ?? false,
          source: "result",
          contractVer: PITBOSS_CONTRACT,
        },
        view,
        options,
      );
    }
    case "rollback": {
      const rollback = input as z.infer<typeof pitbossRollback>;
      return rollbackTransaction(
        deps,
        {
          provider,
          playerId: rollback.playerId,
          providerTxnId: rollback.transactionId,
          referenceTxnId: rollback.referenceTransactionId,
          providerRoundId: rollback.roundId ?? null,
          isRoundClosed: rollback.roundClosed ?? false,
        },
        view,
        options,
      );
    }
  }
};
