/**
 * The round lifecycle of multi-step rounds and of the timeout job. (Instant rounds never pass through here: one
 * statement, `round_play_instant`, writes them SETTLED with their stake and win; see place-instant-bet.ts.)
 *
 * A multi-step round stays OPEN while the player thinks, so its writes cannot share one transaction. Atomicity is
 * built from three rules:
 *
 * 1. Each bet is one statement (`round_place_bet`): the round's stake total, the bet row with its debit's id, and
 *    the debit itself commit together, so a bet never exists without its stake, nor a stake without its bet.
 * 2. A round's fate is *decided* once, by a conditional update of the open, undecided row as the decider read it:
 *    either the settle decision (outcome, result, payout) or the void decision (a reason). Whoever wins that
 *    update decides; everyone else follows the decision.
 * 3. The money then follows the decision with idempotent wallet commands (the win under `win:<round>`, refunds
 *    under `void:<bet>` as ROLLBACKs of the debits), and only then does the status become SETTLED or VOIDED.
 *    Completing a decision is safe for anyone to repeat (the request, a retry, the timeout job): the ledger
 *    keys make every movement happen exactly once.
 *
 * A crash anywhere leaves the round OPEN; after its deadline the timeout job completes a decided round as
 * decided and voids an undecided one, refunding any stake it finds to the exact accounts it came from.
 */
import { DomainError, isDomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { outcomeFloats } from "../games/fairness";
import { getGame } from "../games/games";
import { payoutFor } from "../games/payout";
import { creditPlayer } from "../wallet/credit-player";
import { reverseTransaction } from "../wallet/reverse-transaction";
import { ledgerKeys, ledgerScope } from "./round-rules";
import { closeRound, decideRoundVoid, findRound, type RoundRow, recordBetRefund } from "./rounds.repo";

type Deps = Pick<ServiceDeps, "db" | "now" | "newId" | "logger">;

/**
 * Still in play: OPEN, and neither settle- nor void-decided (rule 2). Only such a round takes bets, steps or a
 * decision; any other is completed as decided. (`undecidedOpen` in rounds.repo.ts is the same rule as a filter.)
 */
export const isOpenAndUndecided = (round: Pick<RoundRow, "status" | "result" | "voidReason">) =>
  round.status === "OPEN" && round.result === null && round.voidReason === null;

/** The player's net result: more back than staked is a WIN, the same a PUSH, less a LOSE. */
export const resultOf = (stakeMinor: bigint, payoutMinor: bigint) =>
  payoutMinor > stakeMinor ? "WIN" : payoutMinor === stakeMinor ? "PUSH" : "LOSE";

/**
 * A round's outcome from the seed pair and nonce alone (never the player's history, balance or bonus state):
 * floats from outcomeFloats, mapped by the game's math, payout = floor(stake · multiplier).
 */
export const resolveOutcome = (
  slug: string,
  params: unknown,
  seeds: { serverSeed: string; clientSeed: string; nonce: number },
  stakeMinor: bigint,
) => {
  const game = getGame(slug);
  const floats = outcomeFloats(seeds.serverSeed, seeds.clientSeed, seeds.nonce, game.floatsNeeded(params));
  const resolved = game.resolve(params, floats);
  const payoutMinor = payoutFor(stakeMinor, resolved.multiplier);
  return { outcome: resolved.outcome, payoutMinor, result: resultOf(stakeMinor, payoutMinor) } as const;
};

const mustFind = async (deps: Deps, roundId: string) => {
  const round = await findRound(deps.db.prisma, roundId);
  if (!round) throw new DomainError("NOT_FOUND", { message: `round ${roundId} not found` });
  return round;
};

/** Pays a settle-decided round's payout (once, under `win:<round>`) and marks it SETTLED. */
const completeSettlement = async (deps: Deps, round: RoundRow) => {
  const payoutMinor = round.totalPayoutMinor ?? 0n;
  let winTxnId = round.winTxnId;
  if (payoutMinor > 0n && !winTxnId) {
    const win = await creditPlayer(deps, {
      playerId: round.playerId,
      currency: round.currency,
      amountMinor: payoutMinor,
      // The win goes back to the stake's sources (cash / bonus) in proportion, as the first bet took it.
      sourceTxnId: round.bets[0]?.debitTxnId,
      houseScope: round.game.provider,
      roundId: round.id,
      calcVer: round.calcVer,
      idempotencyScope: ledgerScope(round.playerId),
      idempotencyKey: ledgerKeys.win(round.id),
    });
    winTxnId = win.txnId;
  }
  await closeRound(deps.db.prisma, round.id, { status: "SETTLED", settledAt: deps.now(), winTxnId });
};

/** Refunds every stake of a void-decided round (a ROLLBACK of each debit, once, under `void:<bet>`) and marks it VOIDED. */
const completeVoid = async (deps: Deps, round: RoundRow) => {
  const scope = ledgerScope(round.playerId);
  for (const bet of round.bets) {
    if (bet.refundTxnId) continue;
    const { debitTxnId } = bet;
    try {
      const refund = await reverseTransaction(deps, {
        kind: "ROLLBACK",
        playerId: round.playerId,
        originalTxnId: debitTxnId,
        roundId: round.id,
        idempotencyScope: scope,
        idempotencyKey: ledgerKeys.refund(bet.id),
        metadata: { reason: round.voidReason ?? "VOID" },
      });
      await recordBetRefund(deps.db.prisma, bet.id, refund.txnId);
    } catch (error) {
      // Reversed already by someone else (staff): the money is back, there is nothing more to do for this bet.
      if (!(isDomainError(error) && error.code === "ALREADY_REVERSED")) throw error;
      deps.logger.warn({ roundId: round.id, betId: bet.id, debitTxnId }, "stake was already reversed elsewhere");
    }
  }
  await closeRound(deps.db.prisma, round.id, { status: "VOIDED", settledAt: deps.now() });
};

/**
 * Carries out whatever was decided for `round`, as just read (nothing if undecided), and returns it as it is now.
 * A closed round is complete: a VOIDED one had every stake refunded (or found reversed elsewhere) before closing.
 */
export const completeDecided = async (deps: Deps, round: RoundRow): Promise<RoundRow> => {
  if (round.status !== "OPEN") return round;
  if (round.voidReason !== null) await completeVoid(deps, round);
  else if (round.result !== null) await completeSettlement(deps, round);
  else return round;
  return mustFind(deps, round.id);
};

/** completeDecided for a round known by id. */
export const completeDecidedRound = async (deps: Deps, roundId: string): Promise<RoundRow> =>
  completeDecided(deps, await mustFind(deps, roundId));

/**
 * The timeout rule: once past its deadline an undecided round is decided VOID (reason TIMEOUT); any decided round
 * is then completed. Returns the round as it is now.
 */
export const expireRound = async (deps: Deps, roundId: string): Promise<RoundRow> => {
  const round = await mustFind(deps, roundId);
  if (round.status !== "OPEN") return round;
  if (isOpenAndUndecided(round) && deps.now() >= round.timeoutAt) {
    await decideRoundVoid(deps.db.prisma, roundId, "TIMEOUT");
  }
  return completeDecidedRound(deps, roundId);
};
