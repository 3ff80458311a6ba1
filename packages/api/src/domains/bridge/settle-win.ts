import { winCreditCommand } from "../wallet/credit-player";
import { newAccountIds } from "../wallet/wallet.repo";
import type { BridgeDeps, CommandOptions, HttpResult, ResponseView } from "./bridge.types";
import { fingerprintOf } from "./fingerprint";
import { type CommandRow, ledgerKeys, ledgerScopeOf, runAndAnswer, traceOf } from "./record";

export type WinCommand = {
  provider: string;
  playerId: string;
  providerTxnId: string;
  providerRoundId: string | null;
  /** The studio's game code; null when the protocol does not send one (a bonus award). */
  gameCode: string | null;
  currency: string | null;
  /** The currency the win is paid in: the one named, or the player's wallet currency the amount was read in. */
  walletCurrency: string;
  amountMinor: bigint;
  /** The bet this win pays, when the protocol names it; otherwise the round's bets are used. */
  referenceTxnId: string | null;
  isRoundClosed: boolean;
  /** `WIN` for round results; kept in the fingerprint so a bonus and a result never share an id silently. */
  source: "result" | "bonus" | "jackpot";
  contractVer: string;
};

export const winFingerprint = (command: WinCommand) =>
  fingerprintOf({
    command: "win",
    source: command.source,
    player: command.playerId,
    transaction: command.providerTxnId,
    round: command.providerRoundId,
    game: command.gameCode,
    currency: command.currency,
    amount: command.amountMinor,
    reference: command.referenceTxnId,
  });

/**
 * A studio win (credit), exactly once per (provider, player, transaction id), in one database statement
 * (`bridge_win`). Accepted whatever the session token's age, the player's status or the kill switch: the money is
 * owed. Refused only for another currency, a game the provider does not have, or a bet that was rolled back (for
 * good) or not seen yet (not recorded: a retry after the bet arrives is paid). Under the player's bridge lock, so a
 * rollback of the same bet runs wholly before or wholly after it.
 */
export const settleWin = async (
  deps: BridgeDeps,
  command: WinCommand,
  view: ResponseView,
  options: CommandOptions = {},
): Promise<HttpResult> => {
  const row: CommandRow = {
    id: deps.newId("bridgeTransaction"),
    provider: command.provider,
    playerId: command.playerId,
    providerTxnId: command.providerTxnId,
    kind: "WIN",
    providerRoundId: command.providerRoundId,
    gameId: null,
    currency: command.currency ?? command.walletCurrency,
    amountMinor: command.amountMinor,
    referenceTxnId: command.referenceTxnId,
    fingerprint: winFingerprint(command),
    ledgerTxnId: null,
    now: deps.now(),
  };
  return runAndAnswer(deps, { row, view, options }, () => {
    // The stake it pays is found in the statement; the studio's reference (or round) stands for it in the request.
    const credit =
      command.amountMinor > 0n
        ? winCreditCommand(deps, {
            playerId: command.playerId,
            currency: command.walletCurrency,
            amountMinor: command.amountMinor,
            houseScope: command.provider,
            idempotencyScope: ledgerScopeOf(command.provider, command.playerId),
            idempotencyKey: ledgerKeys.win(command.providerTxnId),
            contractVer: command.contractVer,
            context: traceOf(deps),
            metadata: {
              provider: command.provider,
              providerTxnId: command.providerTxnId,
              providerRoundId: command.providerRoundId,
              referenceTxnId: command.referenceTxnId,
            },
          })
        : null;
    return {
      fn: "bridge_win",
      args: {
        gameCode: command.gameCode,
        // The currency as the studio named it (null: none), checked against the wallet's in the statement.
        currency: command.currency,
        isRoundClosed: command.isRoundClosed,
        roundId: deps.newId("bridgeRound"),
      },
      ledger: credit && { txn: credit.txn, event: credit.event },
      accountIds: () => newAccountIds(deps.newId, 3),
    };
  });
};
