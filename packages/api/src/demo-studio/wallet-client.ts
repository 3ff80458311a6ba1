import { type KeyObject, randomUUID } from "node:crypto";
import { signHub88 } from "../domains/bridge/hub88/hub88-signature";

/**
 * How the demo studio talks to an operator's wallet, the way Hub88-integrated studios do: every call signed with
 * RSA-SHA256 over the exact body; a bet that times out or fails (other than "not enough money" or "limit reached")
 * is rolled back, and the rollback retried until the wallet confirms it; a win is retried with the same
 * transaction_uuid until the wallet answers for good.
 */
export type WalletAnswer = { status: string; balance?: number; currency?: string; user?: string };
export type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; json: () => Promise<unknown> }>;

export type WalletClientOptions = {
  walletUrl: string;
  privateKey: KeyObject;
  timeoutMs: number;
  fetch?: Fetch;
  /** Pause between retries (tests pass 0). */
  retryDelayMs?: number;
  maxAttempts?: number;
  log?: (line: string, detail?: Record<string, unknown>) => void;
};

/** A call that did not get a wallet answer (timeout, connection refused, HTTP error, not JSON). */
class NoAnswer extends Error {}

/** Statuses after which a bet must not be rolled back: the wallet refused it cleanly and took nothing. */
const cleanRefusals = new Set(["RS_ERROR_NOT_ENOUGH_MONEY", "RS_ERROR_LIMIT_REACHED"]);
/** Answers that settle a win or rollback for good (anything else, or no answer, is retried). */
const finalStatuses = new Set([
  "RS_OK",
  "RS_ERROR_DUPLICATE_TRANSACTION",
  "RS_ERROR_TRANSACTION_DOES_NOT_EXIST",
  "RS_ERROR_TRANSACTION_ROLLED_BACK",
  "RS_ERROR_WRONG_CURRENCY",
  "RS_ERROR_INVALID_GAME",
  "RS_ERROR_INVALID_SIGNATURE",
  "RS_ERROR_WRONG_SYNTAX",
  "RS_ERROR_WRONG_TYPES",
]);

export const createWalletClient = (options: WalletClientOptions) => {
  const doFetch: Fetch = options.fetch ?? ((url, init) => fetch(url, init));
  const maxAttempts = options.maxAttempts ?? 6;
  const log = options.log ?? (() => {});
  const pause = (attempt: number) =>
    new Promise((resolve) => setTimeout(resolve, (options.retryDelayMs ?? 250) * 2 ** Math.min(attempt, 5)));

  const call = async (action: string, payload: Record<string, unknown>): Promise<WalletAnswer> => {
    const body = JSON.stringify({ ...payload, request_uuid: randomUUID() });
    try {
      const response = await doFetch(`${options.walletUrl}/${action}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub88-signature": signHub88(body, options.privateKey) },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (!response.ok) throw new NoAnswer(`HTTP ${response.status}`);
      const answer = (await response.json()) as WalletAnswer;
      if (typeof answer?.status !== "string") throw new NoAnswer("no status");
      return answer;
    } catch (error) {
      throw error instanceof NoAnswer ? error : new NoAnswer(error instanceof Error ? error.message : String(error));
    }
  };

  /** Sends the same transaction (same transaction_uuid, new request_uuid each time) until a final answer. */
  const untilFinal = async (action: string, payload: Record<string, unknown>): Promise<WalletAnswer> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const answer = await call(action, payload);
        if (finalStatuses.has(answer.status)) return answer;
        log(`${action}: ${answer.status}, retrying`, { transaction: payload.transaction_uuid });
      } catch (error) {
        log(`${action}: ${(error as Error).message}, retrying`, { transaction: payload.transaction_uuid });
      }
      if (attempt + 1 >= maxAttempts) return { status: "STUDIO_GAVE_UP" };
      await pause(attempt);
    }
  };

  return {
    balance: (input: { user: string; token: string; game: string }) =>
      call("user/balance", { user: input.user, token: input.token, game_code: input.game }),

    /**
     * Places a bet; on a timeout, a lost connection or an unsuccessful status it rolls the bet back (the wallet may
     * have taken it) before reporting the failure. Returns the wallet's answer, or the failure.
     */
    bet: async (input: {
      user: string;
      token: string;
      game: string;
      currency: string;
      round: string;
      transactionUuid: string;
      amount: bigint;
    }): Promise<{ isPlaced: boolean; answer: WalletAnswer }> => {
      const bet = {
        user: input.user,
        token: input.token,
        transaction_uuid: input.transactionUuid,
        supplier_transaction_id: input.transactionUuid,
        round: input.round,
        round_closed: false,
        game_code: input.game,
        currency: input.currency,
        bet: "spin",
        is_free: false,
      };
      let answer: WalletAnswer;
      try {
        // The amount is an integer (× 100000): JSON-safe for any stake a demo offers.
        answer = await call("transaction/bet", { ...bet, amount: Number(input.amount) });
      } catch (error) {
        answer = { status: `NO_ANSWER: ${(error as Error).message}` };
      }
      if (answer.status === "RS_OK") return { isPlaced: true, answer };
      if (!cleanRefusals.has(answer.status)) {
        const rollback = await untilFinal("transaction/rollback", {
          user: input.user,
          token: input.token,
          transaction_uuid: randomUUID(),
          reference_transaction_uuid: input.transactionUuid,
          round: input.round,
          round_closed: true,
          game_code: input.game,
        });
        log(`bet ${input.transactionUuid} failed (${answer.status}); rollback: ${rollback.status}`);
      }
      return { isPlaced: false, answer };
    },

    /** Pays a win (also a zero one, which closes the round), retried with the same transaction_uuid. */
    win: (input: {
      user: string;
      token: string;
      game: string;
      currency: string;
      round: string;
      transactionUuid: string;
      betTransactionUuid: string;
      amount: bigint;
    }) =>
      untilFinal("transaction/win", {
        user: input.user,
        token: input.token,
        transaction_uuid: input.transactionUuid,
        supplier_transaction_id: input.transactionUuid,
        reference_transaction_uuid: input.betTransactionUuid,
        round: input.round,
        round_closed: true,
        game_code: input.game,
        currency: input.currency,
        amount: Number(input.amount),
      }),
  };
};
export type WalletClient = ReturnType<typeof createWalletClient>;
