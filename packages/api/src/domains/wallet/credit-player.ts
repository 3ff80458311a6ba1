import type { ServiceDeps } from "../../deps";
import { ledgerCommand } from "./ledger-command";
import { callLedger, type LedgerResult, newAccountIds } from "./wallet.repo";
import { type CreditPlayerInput, creditPlayerInput } from "./wallet.schemas";

/** Pays a win from the provider's game revenue to the player, back to the stake's sources in proportion. */
export const creditPlayer = async (
  deps: Pick<ServiceDeps, "db" | "newId">,
  rawInput: CreditPlayerInput,
): Promise<LedgerResult> => {
  const input = creditPlayerInput.parse(rawInput);
  const { txn, event } = ledgerCommand(deps, {
    command: "credit",
    kind: input.kind,
    playerId: input.playerId,
    currency: input.currency,
    idempotencyKey: input.idempotencyKey,
    idempotencyScope: input.idempotencyScope,
    context: input.context,
    refs: { roundId: input.roundId, calcVer: input.calcVer, contractVer: input.contractVer },
    metadata: input.metadata,
    request: {
      kind: input.kind,
      playerId: input.playerId,
      currency: input.currency,
      amountMinor: input.amountMinor,
      sourceTxnId: input.sourceTxnId,
      houseScope: input.houseScope,
      roundId: input.roundId,
      metadata: input.metadata,
    },
  });
  return callLedger(deps.db, "wallet_credit", [
    txn,
    input.amountMinor.toString(),
    input.sourceTxnId ?? null,
    input.houseScope,
    event,
    newAccountIds(deps.newId, 3),
  ]);
};
