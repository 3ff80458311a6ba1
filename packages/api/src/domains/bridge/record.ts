import { DomainError, isDomainError } from "@pitboss/db";
import { sha256Hex } from "../../lib/sha256";
import { pendingBalances } from "./balances";
import {
  type BridgeRow,
  type CommandFunction,
  type CommandOutcome,
  type CommonCaseFunction,
  type NewBridgeRow,
  readBalances,
  recordRefusal,
  runCommand,
} from "./bridge.repo";
import type { Balances, BridgeDeps, BridgeRefusal, CommandOptions, HttpResult, ResponseView } from "./bridge.types";
import { storedRefusals } from "./bridge.types";

/** Ledger idempotency for studio money: one scope per provider and player, keys derived from the studio's ids. */
export const ledgerScopeOf = (provider: string, playerId: string) => `bridge:${provider}:${playerId}`;
export const ledgerKeys = {
  bet: (providerTxnId: string) => `bet:${providerTxnId}`,
  win: (providerTxnId: string) => `win:${providerTxnId}`,
  /** Keyed by the reversed transaction: two rollbacks of one bet reverse it once. */
  rollback: (referenceTxnId: string) => `rollback:${referenceTxnId}`,
};

export const hashToken = (token: string) => sha256Hex(token);

/** The ledger event context of a studio command: the request it answers, when the shell named one. */
export const traceOf = (deps: BridgeDeps) => (deps.requestId ? { traceId: deps.requestId } : undefined);

/** How a wallet failure reads for a studio: the definitive refusals, else transient. */
const refusalOfLedgerError = (error: unknown): BridgeRefusal => {
  if (!isDomainError(error)) return "INTERNAL";
  switch (error.code) {
    case "INSUFFICIENT_FUNDS":
      return "NOT_ENOUGH_MONEY";
    case "IDEMPOTENCY_KEY_REUSED":
      // The ledger key of this transaction id holds another request (money that moved under an older record).
      return "DUPLICATE_TRANSACTION";
    case "UNAVAILABLE":
    case "CONFLICT":
    // Reversed by someone else between our check and our reversal: the retry finds it reversed.
    case "ALREADY_REVERSED":
      return "UNAVAILABLE";
    default:
      return "INTERNAL";
  }
};

/** The answer for a transaction id we have seen: the stored response, the duplicate error, or the tombstone's. */
const answerExisting = (
  row: BridgeRow,
  fingerprint: string,
  view: ResponseView,
  known: { playerId: string; balances: Balances },
): HttpResult => {
  if (row.status === "TOMBSTONE") return view.render({ ok: false, refusal: "TRANSACTION_ROLLED_BACK", ...known });
  if (row.fingerprint === fingerprint && row.responseBody && row.responseStatus != null) {
    return view.replay({ status: row.responseStatus, body: row.responseBody }, known);
  }
  return view.render({ ok: false, refusal: "DUPLICATE_TRANSACTION", ...known });
};

/** A command's row before its outcome is known (status and answer come with the outcome). */
export type CommandRow = Omit<NewBridgeRow, "status" | "responseStatus" | "nonce">;

type Answering = { row: CommandRow; view: ResponseView; options: CommandOptions };

/**
 * Answers a refusal and, when it is final, records it with the exact response bytes (no money moved, so this may
 * come after the command's own statement). Whoever records first wins: if the transaction id was taken meanwhile,
 * the answer comes from that row. Transient and untrusted refusals are answered, never stored; so is any refusal
 * the caller knows may turn out otherwise later (`isRetryable`), and the answer says so where the protocol can.
 */
const answerRefusal = async (
  deps: BridgeDeps,
  { row, view, options }: Answering,
  refusal: BridgeRefusal,
  balances: Balances | undefined,
  isRetryable = false,
): Promise<HttpResult> => {
  if (isRetryable) return view.render({ ok: false, refusal, playerId: row.playerId, balances, isRetryable });
  if (!storedRefusals.has(refusal)) return view.render({ ok: false, refusal, playerId: row.playerId, balances });
  const response = view.render({ ok: false, refusal, transactionId: row.id, playerId: row.playerId, balances });
  const taken = await recordRefusal(
    deps.db,
    { ...row, status: "REFUSED", responseStatus: response.status, nonce: options.nonce ?? null },
    response.body,
  );
  return taken
    ? answerExisting(taken.row, row.fingerprint, view, { playerId: row.playerId, balances: taken.balances })
    : response;
};

/** The answer to what a command's database function decided; `template` is the success answer it filled in. */
const answerOutcome = async (
  deps: BridgeDeps,
  answering: Answering,
  template: HttpResult,
  outcome: CommandOutcome,
): Promise<HttpResult> => {
  const { row, view, options } = answering;
  switch (outcome.outcome) {
    case "OK":
      return { ...template, body: outcome.body };
    case "REFUSED":
      return answerRefusal(
        deps,
        { ...answering, row: { ...row, gameId: outcome.gameId ?? row.gameId } },
        outcome.refusal,
        outcome.balances,
      );
    case "EXISTING":
      return answerExisting(outcome.row, row.fingerprint, view, { playerId: row.playerId, balances: outcome.balances });
    case "NO_PLAYER":
      return view.render({ ok: false, refusal: "PLAYER_NOT_FOUND" });
    case "REPLAYED":
      if (!options.onReplayedNonce) throw new DomainError("INTERNAL", { message: "a nonce without its answer" });
      return options.onReplayedNonce();
  }
};

/** How a command reads a failure of its statement: by default as the wallet refused it, and final. */
type FailureRules = { refusalOf?: (refusal: BridgeRefusal) => BridgeRefusal; isRetryable?: boolean };

/**
 * The answer when a command's statement raised: nothing was written. Not enough money (a debit that lost a race with
 * another spend, or a won amount already spent when its rollback came) is answered with the current balance.
 * A rollback's failure is never final (`isRetryable`): the studio retries it until the money can move.
 */
const answerFailure = async (
  deps: BridgeDeps,
  answering: Answering,
  error: unknown,
  { refusalOf = (refusal) => refusal, isRetryable = false }: FailureRules = {},
): Promise<HttpResult> => {
  const refusal = refusalOf(refusalOfLedgerError(error));
  if (refusal === "INTERNAL") deps.logger.error({ err: error, kind: answering.row.kind }, "bridge: command failed");
  if (refusal === "UNAVAILABLE") deps.logger.warn({ err: error, kind: answering.row.kind }, "bridge: command failed");
  const balances =
    refusal === "NOT_ENOUGH_MONEY" ? ((await readBalances(deps.db, answering.row.playerId)) ?? undefined) : undefined;
  return answerRefusal(deps, answering, refusal, balances, isRetryable);
};

/** What a command's statement is given besides its row and its answer (see runCommand). */
type CommandStatement = {
  fn: CommandFunction;
  /** The function's own arguments, laid over the row. */
  args: Record<string, unknown>;
  /** The ledger movement it makes; null when it moves nothing (a zero amount). */
  ledger: Record<string, unknown> | null;
  /**
   * Mints ids for the wallet accounts the movement may have to open; null for a function that opens none. Called
   * only when the command's own function runs: the common case opens no account.
   */
  accountIds: (() => string[]) | null;
  /** The command's common case as one statement, tried first with the same arguments (see runCommand). */
  commonCaseFn?: CommonCaseFunction | null;
};

/**
 * Runs a studio command (bet, win, rollback) as its one statement and answers it. The success answer is rendered
 * first, with the balances left for the database to fill in, so the statement records it as it moves the money.
 * `statementOf` is called inside, so a failure while building the statement is answered like one the statement raised.
 */
export const runAndAnswer = async (
  deps: BridgeDeps,
  answering: Answering,
  statementOf: () => CommandStatement | Promise<CommandStatement>,
  failureRules?: FailureRules,
): Promise<HttpResult> => {
  const { row, view, options } = answering;
  try {
    const { fn, args, ledger, accountIds, commonCaseFn = null } = await statementOf();
    const template = view.render({
      ok: true,
      transactionId: row.id,
      playerId: row.playerId,
      balances: pendingBalances,
    });
    const outcome = await runCommand(
      deps.db,
      fn,
      // Object.assign, not spreads: on every studio bet, and spreading these mixed shapes measured several times slower.
      Object.assign({}, row, args, { nonce: options.nonce ?? null, responseStatus: template.status }),
      ledger,
      template.body,
      accountIds,
      commonCaseFn,
    );
    // Only a rollback reverses. Money that moved under the studio's id with no bridge record of it (a record lost) is
    // worth a look.
    if (outcome.outcome === "OK" && outcome.reversedUnrecorded) {
      deps.logger.warn(
        { txnId: outcome.reversedUnrecorded, provider: row.provider },
        "bridge: rolled back a movement that was never recorded",
      );
    }
    return await answerOutcome(deps, answering, template, outcome);
  } catch (error) {
    return answerFailure(deps, answering, error, failureRules);
  }
};
