import type { KeyObject } from "node:crypto";
import type { ServiceDeps } from "../../deps";
import type { RateLimiter } from "./rate-limit";

/**
 * What the bridge needs besides the usual deps: the studios' secrets and public keys (from the environment) and the
 * per-provider rate limit on their callbacks.
 */
export type StudioCredential = { secret?: string; publicKey?: KeyObject };
export type StudioCredentials = { get: (providerCode: string) => StudioCredential | null };
export type BridgeDeps = ServiceDeps & {
  credentials: StudioCredentials;
  rateLimiter: RateLimiter;
  /**
   * The id of the studio request being answered, set by the HTTP shell with a logger bound to it: the trace id of the
   * ledger events the request writes. Carried here rather than in AsyncLocalStorage, which on Node 20 runs a hook on
   * every promise (about 0.03 ms of a studio bet, docs/benchmarks.md).
   */
  requestId?: string;
};

export type BridgeProtocol = "HUB88" | "PRAGMATIC" | "PITBOSS";

/** A player's spendable money in their wallet currency, as every studio protocol reports it. */
export type Balances = { currency: string; cashMinor: bigint; bonusMinor: bigint };

/**
 * The balances of an answer rendered before the money moves: the database fills them in when it records the answer
 * (BalanceSlot), so a command's answer and its record are written in the command's one statement.
 */
export type PendingBalances = { isPending: true };
export type AnswerBalances = Balances | PendingBalances;

/**
 * Why the bridge refused a command, protocol-neutral; each adapter maps these onto its own statuses.
 * `storedRefusals` are final business decisions about one transaction: they are recorded with the transaction and a
 * replay gets the same answer. The others (unknown token, not found, bad input, transient failures) are never stored,
 * so a retry is evaluated afresh.
 */
export const bridgeRefusals = [
  "INVALID_TOKEN",
  "TOKEN_EXPIRED",
  "PLAYER_NOT_FOUND",
  "USER_DISABLED",
  "LIMIT_REACHED",
  "BET_OUT_OF_LIMITS",
  "NOT_ENOUGH_MONEY",
  "WRONG_CURRENCY",
  "UNKNOWN_GAME",
  "DUPLICATE_TRANSACTION",
  "TRANSACTION_NOT_FOUND",
  "TRANSACTION_ROLLED_BACK",
  "UNAVAILABLE",
  "INTERNAL",
] as const;
export type BridgeRefusal = (typeof bridgeRefusals)[number];

export const storedRefusals: ReadonlySet<BridgeRefusal> = new Set([
  "TOKEN_EXPIRED",
  "USER_DISABLED",
  "LIMIT_REACHED",
  "BET_OUT_OF_LIMITS",
  "NOT_ENOUGH_MONEY",
  "WRONG_CURRENCY",
  "UNKNOWN_GAME",
  "TRANSACTION_ROLLED_BACK",
]);

/** The outcome of one internal command, before an adapter renders it in its protocol. */
export type BridgeResult =
  | {
      ok: true;
      /** Our id for the transaction (the bridge row), for protocols that echo one. */
      transactionId: string;
      playerId: string;
      balances: AnswerBalances;
    }
  | {
      ok: false;
      refusal: BridgeRefusal;
      /** The bridge row id when the refusal is stored. */
      transactionId?: string;
      playerId?: string;
      /** The current balances, when the player is known (NOT_ENOUGH_MONEY must carry them). */
      balances?: Balances;
      /** The same request may succeed later, whatever the refusal usually means (a rollback short of money). */
      isRetryable?: true;
    };

/** An HTTP answer, built by the domain, sent as is by the thin route handler. */
export type HttpResult = { status: number; headers: Record<string, string>; body: Buffer };

/** A response as stored with its transaction. */
export type StoredResponse = { status: number; body: Buffer };

/**
 * How an adapter speaks: render a result in its protocol, and turn a stored response into the answer for a retry.
 * Byte for byte where the protocol asks for it (protocols that echo a per-request id in the body re-echo it for a
 * retry that carries a new one); Pragmatic answers a repeated transaction with the player's current balance.
 */
export type ResponseView = {
  render: (result: BridgeResult) => HttpResult;
  replay: (stored: StoredResponse, current: { playerId: string; balances: Balances }) => HttpResult;
};

/** What a command carries besides its data: our protocol's nonce, claimed in the command's own statement. */
export type CommandOptions = {
  nonce?: string;
  /** The answer when the nonce was seen before (a replayed request): nothing was done. */
  onReplayedNonce?: () => HttpResult;
};
