import { creditPlayer } from "../wallet/credit-player";
import type { LedgerResult } from "../wallet/wallet.repo";
import { balancesAfter, foldBalances, readAccounts } from "./balances";
import { type BridgeRow, type CommandContext, listRoundBets, loadContext } from "./bridge.repo";
import type { BridgeDeps, BridgeRefusal, HttpResult, ResponseView } from "./bridge.types";
import { fingerprintOf } from "./fingerprint";
import { answerExisting, ledgerKeys, ledgerScopeOf, recordOutcome, refusalOfLedgerError } from "./record";

export type WinCommand = {
  provider: string;
  playerId: string;
  providerTxnId: string;
  providerRoundId: string | null;
  /** The studio's game code; null when the protocol does not send one (a bonus award). */
  gameCode: string | null;
  currency: string | null;
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

const isReversed = (row: { status: BridgeRow["status"] }) => row.status === "TOMBSTONE" || row.status === "ROLLED_BACK";

/**
 * Which stake the win pays (its ledger debit, so the win goes back to cash and bonus in the stake's proportion), or
 * why it cannot be paid. A win for a rolled-back bet is refused for good; a win for a bet not seen (yet) is refused
 * and not recorded, so a retry after the bet arrives is paid.
 */
const stakeOf = async (
  deps: BridgeDeps,
  command: WinCommand,
  context: CommandContext,
): Promise<{ refusal: BridgeRefusal } | { sourceTxnId: string | null }> => {
  if (command.referenceTxnId) {
    const bet = context.reference;
    if (bet?.kind !== "BET") return { refusal: "TRANSACTION_NOT_FOUND" };
    if (isReversed(bet)) return { refusal: "TRANSACTION_ROLLED_BACK" };
    if (bet.status !== "OK") return { refusal: "TRANSACTION_NOT_FOUND" };
    return { sourceTxnId: bet.ledgerTxnId };
  }
  if (!command.providerRoundId) return { sourceTxnId: null };
  const bets = await listRoundBets(deps.db, command.provider, command.playerId, command.providerRoundId);
  const paid = bets.find((bet) => bet.status === "OK");
  if (!paid && bets.some(isReversed)) return { refusal: "TRANSACTION_ROLLED_BACK" };
  return { sourceTxnId: paid?.ledgerTxnId ?? null };
};

/**
 * A studio win (credit), exactly once per (provider, player, transaction id). Accepted whatever the session token's
 * age, the player's status or the kill switch: the money is owed. Refused only for another currency, a game the
 * provider does not have, or a bet that was rolled back.
 */
export const settleWin = async (deps: BridgeDeps, command: WinCommand, view: ResponseView): Promise<HttpResult> => {
  const fingerprint = winFingerprint(command);
  const [context, accounts] = await Promise.all([
    loadContext(deps.db, {
      provider: command.provider,
      playerId: command.playerId,
      gameCode: command.gameCode,
      providerTxnId: command.providerTxnId,
      referenceTxnId: command.referenceTxnId,
    }),
    readAccounts(deps, command.playerId),
  ]);
  const player = context?.player;
  if (!context || !player) return view.render({ ok: false, refusal: "PLAYER_NOT_FOUND" });
  const balances = foldBalances(accounts, player.currency);
  if (context.existing) return answerExisting(context.existing, fingerprint, view, { playerId: player.id, balances });

  const row = {
    id: deps.newId("bridgeTransaction"),
    provider: command.provider,
    playerId: player.id,
    providerTxnId: command.providerTxnId,
    kind: "WIN" as const,
    providerRoundId: command.providerRoundId,
    gameId: context.game?.id ?? null,
    currency: command.currency ?? player.currency,
    amountMinor: command.amountMinor,
    referenceTxnId: command.referenceTxnId,
    fingerprint,
    ledgerTxnId: null,
    now: deps.now(),
  };
  const refuse = (refusal: BridgeRefusal) =>
    recordOutcome(deps, { row, round: null, moved: null, balances, refusal }, view);
  if (command.currency !== null && command.currency !== player.currency) return refuse("WRONG_CURRENCY");
  if (command.gameCode !== null && !context.game) return refuse("UNKNOWN_GAME");
  const stake = await stakeOf(deps, command, context);
  if ("refusal" in stake) return refuse(stake.refusal);

  let moved: LedgerResult | null = null;
  if (command.amountMinor > 0n) {
    try {
      moved = await creditPlayer(deps, {
        kind: "WIN",
        playerId: player.id,
        currency: player.currency,
        amountMinor: command.amountMinor,
        ...(stake.sourceTxnId ? { sourceTxnId: stake.sourceTxnId } : {}),
        houseScope: command.provider,
        idempotencyScope: ledgerScopeOf(command.provider, player.id),
        idempotencyKey: ledgerKeys.win(command.providerTxnId),
        contractVer: command.contractVer,
        metadata: {
          provider: command.provider,
          providerTxnId: command.providerTxnId,
          providerRoundId: command.providerRoundId,
        },
      });
    } catch (error) {
      const ledgerRefusal = refusalOfLedgerError(error);
      if (ledgerRefusal === "INTERNAL") deps.logger.error({ err: error }, "bridge: win credit failed");
      return refuse(ledgerRefusal);
    }
  }
  return recordOutcome(
    deps,
    {
      row: { ...row, ledgerTxnId: moved?.txnId ?? null },
      round: command.providerRoundId
        ? {
            id: deps.newId("bridgeRound"),
            providerRoundId: command.providerRoundId,
            currency: player.currency,
            gameId: context.game?.id ?? null,
            close: command.isRoundClosed,
          }
        : null,
      moved,
      balances: moved ? balancesAfter(balances, moved) : balances,
    },
    view,
  );
};
