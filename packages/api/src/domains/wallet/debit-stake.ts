import type { ServiceDeps } from "../../deps";
import { ledgerCommand } from "./ledger-command";
import { callLedger, type LedgerResult, newAccountIds } from "./wallet.repo";
import { type DebitStakeInput, debitStakeInput } from "./wallet.schemas";

/**
 * Takes a stake from the player (cash first by default, then bonus) into the provider's game revenue.
 * One database round trip; exactly once per idempotency key; never below zero.
 */
export const debitStake = async (
  deps: Pick<ServiceDeps, "db" | "newId">,
  rawInput: DebitStakeInput,
): Promise<LedgerResult> => {
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
  return callLedger(deps.db, "wallet_debit", [
    txn,
    input.amountMinor.toString(),
    input.funding,
    input.houseScope,
    event,
    newAccountIds(deps.newId, 3),
  ]);
};
