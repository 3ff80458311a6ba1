import { stakeDebitCommand } from "../wallet/debit-stake";
import { newAccountIds } from "../wallet/wallet.repo";
import type { BridgeDeps, CommandOptions, HttpResult, ResponseView } from "./bridge.types";
import { fingerprintOf } from "./fingerprint";
import { type CommandRow, hashToken, ledgerKeys, ledgerScopeOf, runAndAnswer, traceOf } from "./record";
import { unmirroredWagerRefusal } from "./wager-refusal";

export type BetCommand = {
  provider: string;
  playerId: string;
  providerTxnId: string;
  providerRoundId: string;
  /** The studio's game code (game.external_code). */
  gameCode: string;
  /** The currency the studio names; null when its protocol does not carry one (the session's wallet currency). */
  currency: string | null;
  /** The currency the stake is taken in: the one named, or the player's wallet currency the amount was read in. */
  walletCurrency: string;
  amountMinor: bigint;
  token: string | null;
  isRoundClosed: boolean;
  contractVer: string;
};

export const betFingerprint = (command: BetCommand) =>
  fingerprintOf({
    command: "bet",
    player: command.playerId,
    transaction: command.providerTxnId,
    round: command.providerRoundId,
    game: command.gameCode,
    currency: command.currency,
    amount: command.amountMinor,
  });

/**
 * A studio bet (debit), exactly once per (provider, player, transaction id), in one database statement
 * (`bridge_bet`): under the player's bridge lock it dedupes, checks the session (bets only: an expired token is
 * refused), currency, game, stake limits, every wager-time check and the funds, debits the provider's GAME_REVENUE
 * through `wallet_debit` and records the transaction with its answer, rendered beforehand with the balances left for
 * the database to fill in. A refusal moves nothing and is recorded afterwards when it is final. A stake is first
 * tried as its common case (`bridge_bets_fast`: the same writes, one statement for the bets that arrive together, or
 * nothing and `bridge_bet` decides).
 */
export const placeBet = async (
  deps: BridgeDeps,
  command: BetCommand,
  view: ResponseView,
  options: CommandOptions = {},
): Promise<HttpResult> => {
  const row: CommandRow = {
    id: deps.newId("bridgeTransaction"),
    provider: command.provider,
    playerId: command.playerId,
    providerTxnId: command.providerTxnId,
    kind: "BET",
    providerRoundId: command.providerRoundId,
    gameId: null,
    currency: command.currency ?? command.walletCurrency,
    amountMinor: command.amountMinor,
    referenceTxnId: null,
    fingerprint: betFingerprint(command),
    ledgerTxnId: null,
    now: deps.now(),
  };
  return runAndAnswer(deps, { row, view, options }, async () => {
    const wagerRefusal = await unmirroredWagerRefusal(deps, command);
    const debit =
      command.amountMinor > 0n
        ? stakeDebitCommand(deps, {
            playerId: command.playerId,
            currency: command.walletCurrency,
            amountMinor: command.amountMinor,
            houseScope: command.provider,
            idempotencyScope: ledgerScopeOf(command.provider, command.playerId),
            idempotencyKey: ledgerKeys.bet(command.providerTxnId),
            contractVer: command.contractVer,
            context: traceOf(deps),
            metadata: {
              provider: command.provider,
              providerTxnId: command.providerTxnId,
              providerRoundId: command.providerRoundId,
            },
          })
        : null;
    return {
      fn: "bridge_bet",
      args: {
        gameCode: command.gameCode,
        // The currency as the studio named it (null: none), checked against the wallet's in the statement.
        currency: command.currency,
        tokenHash: command.token ? hashToken(command.token) : null,
        isRoundClosed: command.isRoundClosed,
        roundId: deps.newId("bridgeRound"),
        wagerRefusal,
      },
      ledger: debit && { txn: debit.txn, event: debit.event, funding: debit.funding },
      accountIds: () => newAccountIds(deps.newId, 3),
      // A stake the player's cash covers, everything else in order: one statement (bridge_bet decides the rest).
      commonCaseFn: debit ? "bridge_bets_fast" : null,
    };
  });
};
