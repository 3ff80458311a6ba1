import { ledgerCommand } from "../wallet/ledger-command";
import type { BridgeDeps, BridgeRefusal, CommandOptions, HttpResult, ResponseView } from "./bridge.types";
import { fingerprintOf } from "./fingerprint";
import { type CommandRow, ledgerKeys, ledgerScopeOf, runAndAnswer, traceOf } from "./record";

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

/** How a rollback's failure reads: short of money or internal as it is, anything else transient (to be retried). */
const rollbackRefusalOf = (refusal: BridgeRefusal): BridgeRefusal =>
  refusal === "NOT_ENOUGH_MONEY" || refusal === "INTERNAL" ? refusal : "UNAVAILABLE";

/**
 * A studio rollback, exactly once per (provider, player, rollback id), in one database statement (`bridge_rollback`).
 * Accepted whatever the token or the player's status. It reverses the transaction it references (a bet; a win where
 * the studio rolls wins back) once, whatever else happened in the round: a win already paid on a bet stays paid when
 * the bet is rolled back afterwards (the studio rolls the win back by naming it). A rollback for a transaction not
 * seen yet leaves a tombstone under that id, so a late bet with it moves no money; it answers success. Under the
 * player's bridge lock, so the bet itself, or a win for it, runs wholly before or wholly after it.
 */
export const rollbackTransaction = async (
  deps: BridgeDeps,
  command: RollbackCommand,
  view: ResponseView,
  options: CommandOptions = {},
): Promise<HttpResult> => {
  const row: CommandRow = {
    id: deps.newId("bridgeTransaction"),
    provider: command.provider,
    playerId: command.playerId,
    providerTxnId: command.providerTxnId,
    kind: "ROLLBACK",
    providerRoundId: command.providerRoundId,
    gameId: null,
    currency: null,
    amountMinor: null,
    referenceTxnId: command.referenceTxnId,
    fingerprint: rollbackFingerprint(command),
    ledgerTxnId: null,
    now: deps.now(),
  };
  return runAndAnswer(
    deps,
    { row, view, options },
    () => {
      const metadata = { provider: command.provider, providerTxnId: command.referenceTxnId };
      // The reversed ledger transaction is found in the statement; the studio's reference stands for it in the request.
      const reverse = ledgerCommand(deps, {
        command: "reverse",
        kind: "ROLLBACK",
        playerId: command.playerId,
        currency: null,
        idempotencyScope: ledgerScopeOf(command.provider, command.playerId),
        idempotencyKey: ledgerKeys.rollback(command.referenceTxnId),
        context: traceOf(deps),
        metadata,
        request: { kind: "ROLLBACK", playerId: command.playerId, referenceTxnId: command.referenceTxnId, metadata },
      });
      return {
        fn: "bridge_rollback",
        args: {
          tombstoneId: deps.newId("bridgeTransaction"),
          isRoundClosed: command.isRoundClosed,
          roundId: deps.newId("bridgeRound"),
        },
        ledger: reverse,
        accountIds: null,
      };
    },
    // A rollback that cannot move money now (a won amount already spent) may succeed later: never a final answer.
    { refusalOf: rollbackRefusalOf, isRetryable: true },
  );
};
