import type { z } from "zod";
import { decimal2ToMinor } from "../amounts";
import { balanceField, currencyField } from "../balances";
import type {
  AnswerBalances,
  Balances,
  BridgeDeps,
  BridgeRefusal,
  BridgeResult,
  HttpResult,
  ResponseView,
} from "../bridge.types";
import { type JsonObject, jsonBody, RawNumber } from "../json";
import { placeBet } from "../place-bet";
import type { ProviderRequest } from "../provider-request";
import { findProvider } from "../providers";
import { rollbackTransaction } from "../rollback-transaction";
import { authenticateSession, endRound, getBalance } from "../session-commands";
import { settleWin } from "../settle-win";
import {
  isPragmaticAction,
  type PragmaticAction,
  pragmaticActions,
  type pragmaticBet,
  type pragmaticBonusWin,
  type pragmaticJackpotWin,
  type pragmaticRefund,
  type pragmaticResult,
} from "./pragmatic.schemas";
import { verifyPragmatic } from "./pragmatic-hash";

export const PRAGMATIC_CONTRACT = "pragmatic/seamless-wallet-3";

/** Pragmatic's numeric error codes (0 = success) with their short descriptions. */
const errors = {
  ok: [0, "Success"],
  insufficientBalance: [1, "Insufficient balance"],
  playerNotFound: [2, "Player not found or is logged out"],
  authenticationFailed: [4, "Player authentication failed due to invalid, not found or expired token"],
  invalidHash: [5, "Invalid hash code"],
  playerFrozen: [6, "Player is frozen"],
  badParameters: [7, "Bad parameters in the request, please check post parameters"],
  gameNotFound: [8, "Game is not found or disabled"],
  betLimitReached: [50, "Bet limit has been reached"],
  retry: [100, "Internal server error, retry required"],
  noRetry: [120, "Internal server error, retry not required"],
  outOfBetLimits: [310, "Player's bet is out of his bet limits"],
} as const satisfies Record<string, readonly [number, string]>;
type PragmaticError = (typeof errors)[keyof typeof errors];

const errorOf: Record<BridgeRefusal, PragmaticError> = {
  INVALID_TOKEN: errors.authenticationFailed,
  TOKEN_EXPIRED: errors.authenticationFailed,
  PLAYER_NOT_FOUND: errors.playerNotFound,
  USER_DISABLED: errors.playerFrozen,
  LIMIT_REACHED: errors.betLimitReached,
  BET_OUT_OF_LIMITS: errors.outOfBetLimits,
  NOT_ENOUGH_MONEY: errors.insufficientBalance,
  // The protocol has no currency error: a currency other than the wallet's is a bad parameter.
  WRONG_CURRENCY: errors.badParameters,
  UNKNOWN_GAME: errors.gameNotFound,
  // The same reference with other data: refused as a bad parameter (the first transaction stands).
  DUPLICATE_TRANSACTION: errors.badParameters,
  TRANSACTION_NOT_FOUND: errors.noRetry,
  // A late bet whose reference was refunded, or a result for a refunded round: final, no retry.
  TRANSACTION_ROLLED_BACK: errors.noRetry,
  UNAVAILABLE: errors.retry,
  INTERNAL: errors.retry,
};

const headers = { "content-type": "application/json", "cache-control": "no-store" };
const reply = (body: JsonObject): HttpResult => ({ status: 200, headers, body: jsonBody(body) });
const wallet = (balances: AnswerBalances) => ({
  currency: currencyField(balances),
  cash: balanceField(balances, "c", 2, 2),
  bonus: balanceField(balances, "b", 2, 2),
});
const status = ([error, description]: PragmaticError) => ({ error: BigInt(error), description });

/** An unexpected failure: Pragmatic retries (100), which is safe since every command is idempotent. */
export const pragmaticFailure = () => reply(status(errors.retry));

/** The fields each method answers with on success (Pragmatic answers refunds without balances). */
export const pragmaticView = (action: PragmaticAction): ResponseView => ({
  render: (result: BridgeResult) => {
    if (!result.ok) {
      const balances = result.refusal === "NOT_ENOUGH_MONEY" && result.balances ? wallet(result.balances) : {};
      return reply({ ...balances, ...status(errorOf[result.refusal]) });
    }
    if (action === "refund.html") return reply({ transactionId: result.transactionId, ...status(errors.ok) });
    if (action === "endRound.html" || action === "balance.html") {
      const { currency, cash, bonus } = wallet(result.balances);
      return reply(
        action === "balance.html"
          ? { currency, cash, bonus, ...status(errors.ok) }
          : { cash, bonus, ...status(errors.ok) },
      );
    }
    return reply({
      transactionId: result.transactionId,
      ...wallet(result.balances),
      ...(action === "bet.html" ? { usedPromo: new RawNumber("0.00") } : {}),
      ...status(errors.ok),
    });
  },
  // Pragmatic asks a repeated transaction to be answered with its transaction id and the player's current balance.
  replay: (stored, current) => ({ status: stored.status, headers, body: withBalances(stored.body, current.balances) }),
});

/** A stored answer with the player's current cash and bonus in place of the ones it was first sent with. */
const withBalances = (stored: Buffer, balances: Balances): Buffer => {
  const fresh = wallet(balances);
  return Buffer.from(
    stored
      .toString("utf8")
      .replace(/"cash":\d+\.\d{2}/, `"cash":${(fresh.cash as RawNumber).text}`)
      .replace(/"bonus":\d+\.\d{2}/, `"bonus":${(fresh.bonus as RawNumber).text}`),
    "utf8",
  );
};

/**
 * The Pragmatic-compatible wallet (`/api/providers/pragmatic/<method>.html`): form-encoded requests whose `hash`
 * is checked against the secret of the provider named by `providerId` (lower-cased: our provider code); decimal
 * amounts with two places converted exactly; JSON answers with numeric error codes.
 */
export const handlePragmatic = async (deps: BridgeDeps, request: ProviderRequest): Promise<HttpResult> => {
  const action = request.path.join("/");
  if (!isPragmaticAction(action)) return { status: 404, headers, body: jsonBody(status(errors.badParameters)) };
  const refuse = (error: PragmaticError, reason: string, provider?: string) => {
    deps.logger.warn({ provider, action, error: error[0], reason }, "pragmatic: request refused");
    return reply(status(error));
  };
  if (request.isTooLarge) return refuse(errors.badParameters, "body too large");
  const params = new URLSearchParams(request.body.toString("utf8"));
  const keys = [...params.keys()];
  if (new Set(keys).size !== keys.length) return refuse(errors.badParameters, "repeated parameter");
  const providerCode = (params.get("providerId") ?? "").toLowerCase();
  const provider = await findProvider(deps, providerCode, "PRAGMATIC");
  if (!provider) return refuse(errors.badParameters, "unknown providerId");
  const secret = deps.credentials.get(provider.code)?.secret;
  if (!secret) deps.logger.error({ provider: provider.code }, "pragmatic: no secret configured (STUDIO_CREDENTIALS)");
  if (!secret || !verifyPragmatic(params, secret)) return refuse(errors.invalidHash, "bad hash", provider.code);
  if (!deps.rateLimiter.take(provider.code)) return refuse(errors.retry, "rate limit", provider.code);
  const validated = pragmaticActions[action].safeParse(Object.fromEntries(params));
  if (!validated.success) return refuse(errors.badParameters, "invalid parameters", provider.code);
  const badAmount = () => refuse(errors.badParameters, "amount not exact in the currency", provider.code);
  return dispatch(deps, provider.code, action, validated.data, badAmount);
};

/** Amounts are converted in the player's currency, which the protocol does not send (it is the session's). */
const playerCurrency = async (deps: BridgeDeps, playerId: string) =>
  (await deps.db.prisma.player.findUnique({ where: { id: playerId }, select: { currency: true } }))?.currency ?? null;

const dispatch = async (
  deps: BridgeDeps,
  provider: string,
  action: PragmaticAction,
  input: Record<string, string | undefined>,
  badAmount: () => HttpResult,
): Promise<HttpResult> => {
  const view = pragmaticView(action);
  switch (action) {
    case "authenticate.html": {
      const result = await authenticateSession(deps, { provider, token: input.token as string });
      if (!result.ok) return view.render(result);
      return reply({
        userId: result.playerId,
        ...wallet(result.balances),
        token: input.token as string,
        ...status(errors.ok),
      });
    }
    case "balance.html": {
      const result = await getBalance(deps, { provider, playerId: input.userId as string, token: input.token ?? null });
      return view.render(result.ok ? { ...result, transactionId: "" } : result);
    }
    case "endRound.html": {
      const result = await endRound(deps, {
        provider,
        playerId: input.userId as string,
        providerRoundId: input.roundId as string,
      });
      return view.render(result.ok ? { ...result, transactionId: "" } : result);
    }
    case "refund.html": {
      const refund = input as z.infer<typeof pragmaticRefund>;
      return rollbackTransaction(
        deps,
        {
          provider,
          playerId: refund.userId,
          providerTxnId: `refund:${refund.reference}`,
          referenceTxnId: refund.reference,
          providerRoundId: refund.roundId ?? null,
          isRoundClosed: false,
        },
        view,
      );
    }
    case "bet.html": {
      const bet = input as z.infer<typeof pragmaticBet>;
      const currency = await playerCurrency(deps, bet.userId);
      if (!currency) return view.render({ ok: false, refusal: "PLAYER_NOT_FOUND" });
      const amountMinor = decimal2ToMinor(bet.amount, currency);
      if (amountMinor === null) return badAmount();
      return placeBet(
        deps,
        {
          provider,
          playerId: bet.userId,
          providerTxnId: bet.reference,
          providerRoundId: bet.roundId,
          gameCode: bet.gameId,
          currency: null,
          walletCurrency: currency,
          amountMinor,
          token: bet.token ?? null,
          isRoundClosed: false,
          contractVer: PRAGMATIC_CONTRACT,
        },
        view,
      );
    }
    case "result.html":
    case "bonusWin.html":
    case "jackpotWin.html": {
      const win = input as z.infer<typeof pragmaticResult> &
        Partial<z.infer<typeof pragmaticBonusWin>> &
        Partial<z.infer<typeof pragmaticJackpotWin>>;
      const currency = await playerCurrency(deps, win.userId);
      if (!currency) return view.render({ ok: false, refusal: "PLAYER_NOT_FOUND" });
      const amountMinor = decimal2ToMinor(win.amount, currency);
      const promoMinor = win.promoWinAmount ? decimal2ToMinor(win.promoWinAmount, currency) : 0n;
      if (amountMinor === null || promoMinor === null) return badAmount();
      return settleWin(
        deps,
        {
          provider,
          playerId: win.userId,
          providerTxnId: win.reference,
          providerRoundId: win.roundId ?? null,
          gameCode: win.gameId ?? null,
          currency: null,
          walletCurrency: currency,
          amountMinor: amountMinor + promoMinor,
          referenceTxnId: null,
          isRoundClosed: false,
          source: action === "result.html" ? "result" : action === "bonusWin.html" ? "bonus" : "jackpot",
          contractVer: PRAGMATIC_CONTRACT,
        },
        view,
      );
    }
  }
};
