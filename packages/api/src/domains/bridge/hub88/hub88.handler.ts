import { isCurrencyCode } from "@pitboss/db";
import type { z } from "zod";
import { HUB88_SCALE, hub88ToMinor } from "../amounts";
import { balanceField, currencyField } from "../balances";
import type {
  AnswerBalances,
  BridgeDeps,
  BridgeRefusal,
  BridgeResult,
  HttpResult,
  ResponseView,
} from "../bridge.types";
import { jsonBody, parseJsonObject, reEcho } from "../json";
import { placeBet } from "../place-bet";
import type { ProviderRequest } from "../provider-request";
import { findProvider } from "../providers";
import { rollbackTransaction } from "../rollback-transaction";
import { getBalance } from "../session-commands";
import { settleWin } from "../settle-win";
import {
  type Hub88Action,
  hub88Actions,
  type hub88Bet,
  type hub88Rollback,
  type hub88Win,
  isHub88Action,
} from "./hub88.schemas";
import { HUB88_SIGNATURE_HEADER, verifyHub88 } from "./hub88-signature";

/** The contract version stored on ledger transactions that came through this adapter. */
export const HUB88_CONTRACT = "hub88/operator-wallet-v2";

const statusOf: Record<BridgeRefusal, string> = {
  INVALID_TOKEN: "RS_ERROR_INVALID_TOKEN",
  TOKEN_EXPIRED: "RS_ERROR_TOKEN_EXPIRED",
  PLAYER_NOT_FOUND: "RS_ERROR_UNKNOWN",
  USER_DISABLED: "RS_ERROR_USER_DISABLED",
  LIMIT_REACHED: "RS_ERROR_LIMIT_REACHED",
  BET_OUT_OF_LIMITS: "RS_ERROR_LIMIT_REACHED",
  NOT_ENOUGH_MONEY: "RS_ERROR_NOT_ENOUGH_MONEY",
  WRONG_CURRENCY: "RS_ERROR_WRONG_CURRENCY",
  UNKNOWN_GAME: "RS_ERROR_INVALID_GAME",
  DUPLICATE_TRANSACTION: "RS_ERROR_DUPLICATE_TRANSACTION",
  TRANSACTION_NOT_FOUND: "RS_ERROR_TRANSACTION_DOES_NOT_EXIST",
  TRANSACTION_ROLLED_BACK: "RS_ERROR_TRANSACTION_ROLLED_BACK",
  UNAVAILABLE: "RS_ERROR_UNKNOWN",
  INTERNAL: "RS_ERROR_UNKNOWN",
};

const headers = { "content-type": "application/json", "cache-control": "no-store" };

/** Every Hub88 answer is HTTP 200; the outcome is in `status`. */
const reply = (body: Record<string, Parameters<typeof jsonBody>[0][string]>): HttpResult => ({
  status: 200,
  headers,
  body: jsonBody(body),
});

/** Cash plus bonus in Hub88 units, rounded down where the currency has more than 5 decimals. */
const balanceOf = (balances: AnswerBalances) => balanceField(balances, "t", HUB88_SCALE, 0);

/** Hub88's shape: user, status, request_uuid, currency and balance (the balance also with NOT_ENOUGH_MONEY). */
export const hub88View = (requestUuid: string): ResponseView => ({
  render: (result: BridgeResult) => {
    if (result.ok || (result.refusal === "NOT_ENOUGH_MONEY" && result.balances && result.playerId)) {
      const balances = result.balances as AnswerBalances;
      return reply({
        user: result.playerId as string,
        status: result.ok ? "RS_OK" : statusOf[result.refusal],
        request_uuid: requestUuid,
        currency: currencyField(balances),
        balance: balanceOf(balances),
      });
    }
    return reply({ status: statusOf[result.refusal], request_uuid: requestUuid });
  },
  replay: (stored) => ({ status: stored.status, headers, body: reEcho(stored.body, "request_uuid", requestUuid) }),
});

const protocolError = (status: string, requestUuid: string | null) =>
  reply({ status, ...(requestUuid ? { request_uuid: requestUuid } : {}) });

/** What an unexpected failure looks like to Hub88 (it rolls a bet back on it; wins are retried). */
export const hub88Failure = () => protocolError("RS_ERROR_UNKNOWN", null);

/** WRONG_SYNTAX for a missing or malformed field, WRONG_TYPES for a present one of the wrong type. */
const validationStatus = (error: z.ZodError) =>
  error.issues.every((issue) => issue.code === "invalid_type" && /received undefined/.test(issue.message))
    ? "RS_ERROR_WRONG_SYNTAX"
    : "RS_ERROR_WRONG_TYPES";

/**
 * The Hub88-compatible wallet (`/api/providers/hub88/<provider>/<user/info|user/balance|transaction/…>`): verify
 * the RSA signature over the exact bytes received, validate, run the bridge command, answer in Hub88's terms.
 * Bad input of any kind (size, JSON, fields, signature) gets the protocol's error, is logged with the request id,
 * and moves nothing.
 */
export const handleHub88 = async (deps: BridgeDeps, request: ProviderRequest): Promise<HttpResult> => {
  const [providerCode = "", ...rest] = request.path;
  const action = rest.join("/");
  if (!isHub88Action(action)) return { status: 404, headers, body: jsonBody({ status: "RS_ERROR_WRONG_SYNTAX" }) };
  const parsed = request.isTooLarge ? null : parseJsonObject(request.body);
  const requestUuid = typeof parsed?.request_uuid === "string" ? parsed.request_uuid.slice(0, 100) : null;
  const refuse = (status: string, reason: string) => {
    deps.logger.warn({ provider: providerCode, action, status, reason }, "hub88: request refused");
    return protocolError(status, requestUuid);
  };
  if (request.isTooLarge) return refuse("RS_ERROR_WRONG_SYNTAX", "body too large");

  const provider = await findProvider(deps, providerCode, "HUB88");
  if (!provider) return refuse("RS_ERROR_INVALID_PARTNER", "unknown provider");
  const publicKey = deps.credentials.get(provider.code)?.publicKey;
  if (!publicKey) {
    deps.logger.error({ provider: provider.code }, "hub88: no public key configured (STUDIO_CREDENTIALS)");
    return refuse("RS_ERROR_INVALID_SIGNATURE", "no key");
  }
  if (!verifyHub88(request.body, request.headers.get(HUB88_SIGNATURE_HEADER), publicKey)) {
    return refuse("RS_ERROR_INVALID_SIGNATURE", "bad signature");
  }
  // Hub88 has no status for it: its generic error, which the studio retries (or rolls a bet back).
  if (!deps.rateLimiter.take(provider.code)) return refuse("RS_ERROR_UNKNOWN", "rate limit");
  if (!parsed || !requestUuid) return refuse("RS_ERROR_WRONG_SYNTAX", "not a JSON object with request_uuid");
  const validated = hub88Actions[action].safeParse(parsed);
  if (!validated.success) return refuse(validationStatus(validated.error), "invalid fields");
  return dispatch(deps, provider.code, action, validated.data, hub88View(requestUuid), refuse);
};

type Refuse = (status: string, reason: string) => HttpResult;

const dispatch = async (
  deps: BridgeDeps,
  provider: string,
  action: Hub88Action,
  input: unknown,
  view: ResponseView,
  refuse: Refuse,
): Promise<HttpResult> => {
  switch (action) {
    case "user/info":
    case "user/balance": {
      const body = input as { user: string; request_uuid: string; token?: string };
      const result = await getBalance(deps, {
        provider,
        playerId: body.user,
        token: action === "user/balance" ? (body.token ?? null) : null,
      });
      if (!result.ok) return view.render(result);
      if (action === "user/balance") return view.render({ ...result, transactionId: "" });
      return reply({
        user: result.playerId,
        status: "RS_OK",
        request_uuid: body.request_uuid,
        country: result.country,
      });
    }
    case "transaction/bet": {
      const bet = input as z.infer<typeof hub88Bet>;
      if (!isCurrencyCode(bet.currency)) return refuse("RS_ERROR_WRONG_CURRENCY", "unknown currency");
      const amountMinor = hub88ToMinor(bet.amount, bet.currency);
      if (amountMinor === null) return refuse("RS_ERROR_WRONG_TYPES", "amount not exact in the currency");
      return placeBet(
        deps,
        {
          provider,
          playerId: bet.user,
          providerTxnId: bet.transaction_uuid,
          providerRoundId: bet.round,
          gameCode: bet.game_code,
          currency: bet.currency,
          walletCurrency: bet.currency,
          amountMinor,
          token: bet.token,
          isRoundClosed: bet.round_closed ?? false,
          contractVer: HUB88_CONTRACT,
        },
        view,
      );
    }
    case "transaction/win": {
      const win = input as z.infer<typeof hub88Win>;
      if (!isCurrencyCode(win.currency)) return refuse("RS_ERROR_WRONG_CURRENCY", "unknown currency");
      const amountMinor = hub88ToMinor(win.amount, win.currency);
      if (amountMinor === null) return refuse("RS_ERROR_WRONG_TYPES", "amount not exact in the currency");
      if (!win.reference_transaction_uuid && !win.is_supplier_promo) {
        return refuse("RS_ERROR_WRONG_SYNTAX", "reference_transaction_uuid missing");
      }
      return settleWin(
        deps,
        {
          provider,
          playerId: win.user,
          providerTxnId: win.transaction_uuid,
          providerRoundId: win.round,
          gameCode: win.game_code,
          currency: win.currency,
          walletCurrency: win.currency,
          amountMinor,
          referenceTxnId: win.reference_transaction_uuid ?? null,
          isRoundClosed: win.round_closed ?? false,
          source: win.is_supplier_promo ? "bonus" : "result",
          contractVer: HUB88_CONTRACT,
        },
        view,
      );
    }
    case "transaction/rollback": {
      const rollback = input as z.infer<typeof hub88Rollback>;
      return rollbackTransaction(
        deps,
        {
          provider,
          playerId: rollback.user,
          providerTxnId: rollback.transaction_uuid,
          referenceTxnId: rollback.reference_transaction_uuid,
          providerRoundId: rollback.round ?? null,
          isRoundClosed: rollback.round_closed ?? false,
        },
        view,
      );
    }
  }
};
