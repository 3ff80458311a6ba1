import { createHash } from "node:crypto";
import { DomainError, isDomainError } from "@pitboss/db";
import { reverseTransaction } from "../wallet/reverse-transaction";
import type { LedgerResult } from "../wallet/wallet.repo";
import { type BridgeRow, findTransaction, insertTransaction, type NewBridgeRow, type RoundTouch } from "./bridge.repo";
import type { Balances, BridgeDeps, BridgeRefusal, HttpResult, ResponseView } from "./bridge.types";
import { storedRefusals } from "./bridge.types";

/** Ledger idempotency for studio money: one scope per provider and player, keys derived from the studio's ids. */
export const ledgerScopeOf = (provider: string, playerId: string) => `bridge:${provider}:${playerId}`;
export const ledgerKeys = {
  bet: (providerTxnId: string) => `bet:${providerTxnId}`,
  win: (providerTxnId: string) => `win:${providerTxnId}`,
  /** Keyed by the reversed transaction: two rollbacks of one bet reverse it once. */
  rollback: (referenceTxnId: string) => `rollback:${referenceTxnId}`,
  /** Undoing our own movement that lost the race to record its transaction (see `recordOutcome`). */
  compensate: (ledgerTxnId: string) => `compensate:${ledgerTxnId}`,
};

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** How a wallet failure reads for a studio: the definitive refusals, else transient. */
export const refusalOfLedgerError = (error: unknown): BridgeRefusal => {
  if (!isDomainError(error)) return "INTERNAL";
  switch (error.code) {
    case "INSUFFICIENT_FUNDS":
      return "NOT_ENOUGH_MONEY";
    case "IDEMPOTENCY_KEY_REUSED":
      // A concurrent request with this transaction id and other data took the ledger key first.
      return "DUPLICATE_TRANSACTION";
    case "UNAVAILABLE":
    case "CONFLICT":
      return "UNAVAILABLE";
    default:
      return "INTERNAL";
  }
};

/** The answer for a transaction id we have seen: the stored response, the duplicate error, or the tombstone's. */
export const answerExisting = (
  row: BridgeRow,
  fingerprint: string,
  view: ResponseView,
  known: { playerId: string; balances?: Balances },
): HttpResult => {
  if (row.status === "TOMBSTONE") return view.render({ ok: false, refusal: "TRANSACTION_ROLLED_BACK", ...known });
  if (row.fingerprint === fingerprint && row.responseBody && row.responseStatus != null) {
    return view.replay({ status: row.responseStatus, body: row.responseBody });
  }
  return view.render({ ok: false, refusal: "DUPLICATE_TRANSACTION", ...known });
};

/** Reverses a movement of ours that no recorded transaction refers to (we lost the race to record it). */
const compensate = async (deps: BridgeDeps, scope: string, playerId: string, moved: LedgerResult) => {
  try {
    await reverseTransaction(deps, {
      kind: "ROLLBACK",
      playerId,
      originalTxnId: moved.txnId,
      idempotencyScope: scope,
      idempotencyKey: ledgerKeys.compensate(moved.txnId),
      metadata: { reason: "bridge-lost-race" },
    });
    deps.logger.warn({ txnId: moved.txnId }, "bridge: reversed a movement whose transaction was recorded otherwise");
  } catch (error) {
    if (isDomainError(error) && error.code === "ALREADY_REVERSED") return;
    deps.logger.error({ err: error, txnId: moved.txnId }, "bridge: could not reverse an unrecorded movement");
    throw error;
  }
};

export type Outcome = {
  row: Omit<NewBridgeRow, "status" | "responseStatus" | "responseBody">;
  round: RoundTouch | null;
  /** What the ledger did for this command (null: nothing moved). */
  moved: LedgerResult | null;
  balances: Balances;
  refusal?: BridgeRefusal;
};

/**
 * Answers a command and, when the answer is final, records it with the exact response bytes. Whoever records first
 * wins: a concurrent copy finds the row and answers from it, and if its own movement is not the recorded one (a
 * tombstone or a refusal won) it reverses that movement. Transient and untrusted refusals are answered, never stored.
 */
export const recordOutcome = async (deps: BridgeDeps, outcome: Outcome, view: ResponseView): Promise<HttpResult> => {
  const { row, refusal, balances } = outcome;
  if (refusal && !storedRefusals.has(refusal)) {
    return view.render({ ok: false, refusal, playerId: row.playerId, balances });
  }
  const response = view.render(
    refusal
      ? { ok: false, refusal, transactionId: row.id, playerId: row.playerId, balances }
      : { ok: true, transactionId: row.id, playerId: row.playerId, balances },
  );
  const isInserted = await insertTransaction(
    deps.db,
    { ...row, status: refusal ? "REFUSED" : "OK", responseStatus: response.status, responseBody: response.body },
    refusal ? null : outcome.round,
  );
  if (isInserted) return response;
  const existing = await findTransaction(deps.db, row.provider, row.playerId, row.providerTxnId);
  if (!existing) throw new DomainError("INTERNAL", { message: "bridge transaction vanished" });
  if (outcome.moved && existing.ledgerTxnId !== outcome.moved.txnId) {
    await compensate(deps, ledgerScopeOf(row.provider, row.playerId), row.playerId, outcome.moved);
  }
  return answerExisting(existing, row.fingerprint, view, { playerId: row.playerId, balances });
};
