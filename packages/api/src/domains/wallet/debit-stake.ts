import type { ServiceDeps } from "../../deps";
import { ledgerCommand } from "./ledger-command";
import { callLedger, type LedgerResult, newAccountIds } from "./wallet.repo";
import { type DebitStakeInput, debitStakeInput } from "./wallet.schemas";

type Deps = Pick<ServiceDeps, "db" | "newId">;

/**
 * The arguments of `wallet_debit` for a stake, for callers that run the debit inside a larger statement (the
 * rounds engine's one-transaction plays) as well as for `debitStake`. Same request hash either way, so a replay
 * through one path is recognised by the other.
 */
export const stakeDebitCommand = (deps: Pick<ServiceDeps, "newId">, rawInput: DebitStakeInput) => {
  const input = debitStakeInput.parse(rawInput);
  const { txn, event } = ledgerCommand(deps, {
    command: "debit",
    kind: "BET",
    playerId: input.playerId,
    currency: input.currency,
    idempotencyKey: input.idempotencyKey,
    idempotencyScope: input.idempotencyScope,
    context: input.context,
    refs: { roundId: input.roundId, calcVer: input.calcVer, contractVer: input.contractVer },
    metadata: input.metadata,
    request: {
      playerId: input.playerId,
      currency: input.currency,
      amountMinor: input.amountMinor,
      funding: input.funding,
      houseScope: input.houseScope,
      roundId: input.roundId,
      metadata: input.metadata,
    },
  });
  return { txn, event, amountMinor: input.amountMinor, funding: input.funding, houseScope: input.houseScope };
};

/**
 * Takes a stake from the player (cash first by default, then bonus) into the provider's game revenue.
 * One database round trip; exactly once per idempotency key; never below zero.
 */
export const debitStake = async (deps: Deps, rawInput: DebitStakeInput): Promise<LedgerResult> => {
  const { txn, event, amountMinor, funding, houseScope } = stakeDebitCommand(deps, rawInput);
  return callLedger(deps.db, "wallet_debit", [
    txn,
    amountMinor.toString(),
    funding,
    houseScope,
    event,
    newAccountIds(deps.newId, 3),
  ]);
};
