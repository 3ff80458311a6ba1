import { isDomainError } from "@pitboss/db";
import { reverseTransaction } from "../wallet/reverse-transaction";
import type { LedgerResult } from "../wallet/wallet.repo";
import { balancesAfter, foldBalances, readAccounts } from "./balances";
import {
  type BridgeRow,
  findLedgerTxnByKey,
  findTransaction,
  insertTombstone,
  loadContext,
  markRolledBack,
} from "./bridge.repo";
import type { BridgeDeps, BridgeRefusal, HttpResult, ResponseView } from "./bridge.types";
import { fingerprintOf } from "./fingerprint";
import { answerExisting, ledgerKeys, ledgerScopeOf, recordOutcome, refusalOfLedgerError } from "./record";

export type RollbackCommand = {
  provider: string;
  playerId: string;
  /** The rollback's own id (Pragmatic, whose refunds have none: `refund:<bet reference>`). */
  providerTxnId: string;
  /** The transaction to reverse (a bet; a win where the studio rolls wins back). */
  referenceTxnId: string;
  providerRoundId: string | null;
  isRoundClosed: boolean;
};

export const rollbackFingerprint = (command: RollbackCommand) =>
  fingerprintOf({
    command: "rollback",
    player: command.playerId,
    transaction: command.providerTxnId,
    reference: command.referenceTxnId,
  });

type Reversal = { refusal: BridgeRefusal } | { moved: LedgerResult | null };

const reverseLedger = async (deps: BridgeDeps, command: RollbackCommand, originalTxnId: string): Promise<Reversal> => {
  try {
    return {
      moved: await reverseTransaction(deps, {
        kind: "ROLLBACK",
        playerId: command.playerId,
        originalTxnId,
        idempotencyScope: ledgerScopeOf(command.provider, command.playerId),
        idempotencyKey: ledgerKeys.rollback(command.referenceTxnId),
        metadata: { provider: command.provider, providerTxnId: command.referenceTxnId },
      }),
    };
  } catch (error) {
    // Reversed already (another rollback of the same bet, with its own id): nothing left to move.
    if (isDomainError(error) && error.code === "ALREADY_REVERSED") return { moved: null };
    const refusal = refusalOfLedgerError(error);
    if (refusal === "INTERNAL") deps.logger.error({ err: error }, "bridge: rollback failed");
    // Never stored: a rollback that could not move money now (e.g. a won amount already spent) may succeed later.
    return { refusal: refusal === "NOT_ENOUGH_MONEY" || refusal === "INTERNAL" ? refusal : "UNAVAILABLE" };
  }
};

/**
 * No record of the transaction, but its money may have moved: the process can die between the ledger call and the
 * record, and the studio then rolls back instead of retrying. The ledger key tells; such a movement is reversed.
 */
const reverseUnrecorded = async (deps: BridgeDeps, command: RollbackCommand): Promise<Reversal> => {
  const scope = ledgerScopeOf(command.provider, command.playerId);
  for (const key of [ledgerKeys.bet(command.referenceTxnId), ledgerKeys.win(command.referenceTxnId)]) {
    const txnId = await findLedgerTxnByKey(deps.db, scope, key);
    if (txnId) {
      deps.logger.warn(
        { txnId, provider: command.provider },
        "bridge: rolling back a movement that was never recorded",
      );
      return reverseLedger(deps, command, txnId);
    }
  }
  return { moved: null };
};

/** Reverses the referenced transaction once: its ledger movement, then its status (OK → ROLLED_BACK). */
const reverse = async (deps: BridgeDeps, command: RollbackCommand, target: BridgeRow): Promise<Reversal> => {
  if (target.kind === "ROLLBACK") return { refusal: "TRANSACTION_NOT_FOUND" };
  // Tombstoned: money may still have moved unrecorded (a bet in flight, or a crash); reversing twice is impossible.
  if (target.status === "TOMBSTONE") return reverseUnrecorded(deps, command);
  // Nothing was taken (a refused bet), or it is reversed already: done.
  if (target.status !== "OK") return { moved: null };
  let moved: LedgerResult | null = null;
  if (target.ledgerTxnId) {
    const reversal = await reverseLedger(deps, command, target.ledgerTxnId);
    if ("refusal" in reversal) return reversal;
    moved = reversal.moved;
  }
  await markRolledBack(deps.db, target.id, moved?.txnId ?? null, deps.now());
  return { moved };
};

/**
 * A studio rollback, exactly once per (provider, player, rollback id). Accepted whatever the token or the player's
 * status. A rollback for a transaction not seen yet leaves a tombstone under that id, so a late bet with it moves no
 * money; it answers success.
 */
export const rollbackTransaction = async (
  deps: BridgeDeps,
  command: RollbackCommand,
  view: ResponseView,
): Promise<HttpResult> => {
  const fingerprint = rollbackFingerprint(command);
  const [context, accounts] = await Promise.all([
    loadContext(deps.db, {
      provider: command.provider,
      playerId: command.playerId,
      providerTxnId: command.providerTxnId,
      referenceTxnId: command.referenceTxnId,
    }),
    readAccounts(deps, command.playerId),
  ]);
  const player = context?.player;
  if (!context || !player) return view.render({ ok: false, refusal: "PLAYER_NOT_FOUND" });
  const balances = foldBalances(accounts, player.currency);
  if (context.existing) return answerExisting(context.existing, fingerprint, view, { playerId: player.id, balances });

  let target = context.reference;
  if (!target) {
    const isTombstoned = await insertTombstone(deps.db, {
      id: deps.newId("bridgeTransaction"),
      provider: command.provider,
      playerId: player.id,
      providerTxnId: command.referenceTxnId,
      providerRoundId: command.providerRoundId,
      now: deps.now(),
    });
    // The transaction arrived meanwhile: reverse it like any other.
    if (!isTombstoned) target = await findTransaction(deps.db, command.provider, player.id, command.referenceTxnId);
  }
  const reversal = target ? await reverse(deps, command, target) : await reverseUnrecorded(deps, command);
  const row = {
    id: deps.newId("bridgeTransaction"),
    provider: command.provider,
    playerId: player.id,
    providerTxnId: command.providerTxnId,
    kind: "ROLLBACK" as const,
    providerRoundId: command.providerRoundId,
    gameId: null,
    currency: player.currency,
    amountMinor: null,
    referenceTxnId: command.referenceTxnId,
    fingerprint,
    ledgerTxnId: null,
    now: deps.now(),
  };
  if ("refusal" in reversal) {
    return recordOutcome(deps, { row, round: null, moved: null, balances, refusal: reversal.refusal }, view);
  }
  return recordOutcome(
    deps,
    {
      // The reversal belongs to the rolled-back row (reversal_txn_id); the rollback row moves nothing itself.
      row,
      round:
        command.providerRoundId && command.isRoundClosed
          ? {
              id: deps.newId("bridgeRound"),
              providerRoundId: command.providerRoundId,
              currency: player.currency,
              gameId: null,
              close: true,
            }
          : null,
      moved: null,
      balances: reversal.moved ? balancesAfter(balances, reversal.moved) : balances,
    },
    view,
  );
};
