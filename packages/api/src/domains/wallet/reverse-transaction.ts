import type { ServiceDeps } from "../../deps";
import { ledgerCommand } from "./ledger-command";
import { callLedger, type LedgerResult } from "./wallet.repo";
import { type ReverseTransactionInput, reverseTransactionInput } from "./wallet.schemas";

/**
 * Corrects a transaction the only way an append-only ledger allows: a new, linked transaction with the
 * opposite postings (a rollback returns a stake to exactly the accounts it came from). Once per original.
 */
export const reverseTransaction = async (
  deps: Pick<ServiceDeps, "db" | "newId">,
  rawInput: ReverseTransactionInput,
): Promise<LedgerResult> => {
  const input = reverseTransactionInput.parse(rawInput);
  const { txn, event } = ledgerCommand(deps, {
    command: "reverse",
    kind: input.kind,
    playerId: input.playerId,
    currency: null,
    idempotencyKey: input.idempotencyKey,
    idempotencyScope: input.idempotencyScope,
    context: input.context,
    refs: { roundId: input.roundId },
    metadata: input.metadata,
    request: {
      kind: input.kind,
      playerId: input.playerId,
      originalTxnId: input.originalTxnId,
      metadata: input.metadata,
    },
  });
  return callLedger(deps.db, "ledger_reverse", [txn, input.originalTxnId, event]);
};
