import { isDomainError } from "@pitboss/db";
import { runWagerChecks } from "../compliance/wager-checks";
import { debitStake } from "../wallet/debit-stake";
import type { LedgerResult } from "../wallet/wallet.repo";
import { balancesAfter, foldBalances, readAccounts } from "./balances";
import { type CommandContext, loadContext } from "./bridge.repo";
import type { BridgeDeps, BridgeRefusal, HttpResult, ResponseView } from "./bridge.types";
import { fingerprintOf } from "./fingerprint";
import { answerExisting, hashToken, ledgerKeys, ledgerScopeOf, recordOutcome, refusalOfLedgerError } from "./record";

export type BetCommand = {
  provider: string;
  playerId: string;
  providerTxnId: string;
  providerRoundId: string;
  /** The studio's game code (game.external_code). */
  gameCode: string;
  /** The currency the studio names; null when its protocol does not carry one (the session's wallet currency). */
  currency: string | null;
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

type Player = NonNullable<CommandContext["player"]>;

/** Every wager-time refusal, in order, before any money moves; null when the bet may be taken. */
const refusalBeforeDebit = async (
  deps: BridgeDeps,
  command: BetCommand,
  context: CommandContext,
  player: Player,
): Promise<BridgeRefusal | null> => {
  const { session, game } = context;
  if (!session || session.playerId !== player.id || session.provider !== command.provider) return "INVALID_TOKEN";
  if (session.expiresAt.getTime() <= deps.now().getTime()) return "TOKEN_EXPIRED";
  if (command.currency !== null && command.currency !== player.currency) return "WRONG_CURRENCY";
  if (!context.isProviderEnabled || !game?.isEnabled || !game.limit) return "UNKNOWN_GAME";
  if (game.countries.length > 0 && !game.countries.includes(player.country)) return "UNKNOWN_GAME";
  const { minStakeMinor, maxStakeMinor } = game.limit;
  if (command.amountMinor > 0n && (command.amountMinor < minStakeMinor || command.amountMinor > maxStakeMinor)) {
    return "BET_OUT_OF_LIMITS";
  }
  try {
    await runWagerChecks(deps, {
      playerId: player.id,
      gameSlug: game.slug,
      currency: player.currency,
      stakeMinor: command.amountMinor,
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === "NOT_FOUND") return "PLAYER_NOT_FOUND";
    if (error.code !== "WAGER_BLOCKED") throw error;
    const reason = String(error.meta?.reason ?? "");
    // Account status and staff restrictions disable the user; anything else (limits, exclusions) is a limit.
    return reason.startsWith("ACCOUNT_") || reason.startsWith("RESTRICTED_") ? "USER_DISABLED" : "LIMIT_REACHED";
  }
  return null;
};

/**
 * A studio bet (debit), exactly once per (provider, player, transaction id). Checks the session (bets only: an
 * expired token is refused), currency, game, stake limits and every wager-time check before any money moves; then
 * one ledger debit into the provider's GAME_REVENUE; then one write recording the transaction and its response.
 */
export const placeBet = async (deps: BridgeDeps, command: BetCommand, view: ResponseView): Promise<HttpResult> => {
  const fingerprint = betFingerprint(command);
  const [context, accounts] = await Promise.all([
    loadContext(deps.db, {
      provider: command.provider,
      playerId: command.playerId,
      tokenHash: command.token ? hashToken(command.token) : null,
      gameCode: command.gameCode,
      providerTxnId: command.providerTxnId,
    }),
    readAccounts(deps, command.playerId),
  ]);
  const player = context?.player;
  if (!context || !player) return view.render({ ok: false, refusal: "PLAYER_NOT_FOUND" });
  const balances = foldBalances(accounts, player.currency);
  const known = { playerId: player.id, balances };
  if (context.existing) return answerExisting(context.existing, fingerprint, view, known);

  const id = deps.newId("bridgeTransaction");
  const row = {
    id,
    provider: command.provider,
    playerId: player.id,
    providerTxnId: command.providerTxnId,
    kind: "BET" as const,
    providerRoundId: command.providerRoundId,
    gameId: context.game?.id ?? null,
    currency: command.currency ?? player.currency,
    amountMinor: command.amountMinor,
    referenceTxnId: null,
    fingerprint,
    ledgerTxnId: null,
    now: deps.now(),
  };
  const refusal = await refusalBeforeDebit(deps, command, context, player);
  if (refusal) return recordOutcome(deps, { row, round: null, moved: null, balances, refusal }, view);

  let moved: LedgerResult | null = null;
  if (command.amountMinor > 0n) {
    try {
      moved = await debitStake(deps, {
        playerId: player.id,
        currency: player.currency,
        amountMinor: command.amountMinor,
        houseScope: command.provider,
        idempotencyScope: ledgerScopeOf(command.provider, player.id),
        idempotencyKey: ledgerKeys.bet(command.providerTxnId),
        contractVer: command.contractVer,
        metadata: {
          provider: command.provider,
          providerTxnId: command.providerTxnId,
          providerRoundId: command.providerRoundId,
        },
      });
    } catch (error) {
      const ledgerRefusal = refusalOfLedgerError(error);
      if (ledgerRefusal === "INTERNAL") deps.logger.error({ err: error }, "bridge: bet debit failed");
      return recordOutcome(deps, { row, round: null, moved: null, balances, refusal: ledgerRefusal }, view);
    }
  }
  return recordOutcome(
    deps,
    {
      row: { ...row, ledgerTxnId: moved?.txnId ?? null },
      round: {
        id: deps.newId("bridgeRound"),
        providerRoundId: command.providerRoundId,
        currency: player.currency,
        gameId: context.game?.id ?? null,
        close: command.isRoundClosed,
      },
      moved,
      balances: moved ? balancesAfter(balances, moved) : balances,
    },
    view,
  );
};
