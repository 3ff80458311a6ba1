import type { ServiceDeps } from "../../deps";
import { ledgerCommand } from "./ledger-command";
import { callLedger, type LedgerResult, newAccountIds } from "./wallet.repo";
import { type PostTransferInput, postTransferInput } from "./wallet.schemas";

/**
 * Any balanced movement between player and house accounts: deposits, withdrawal hold / payout / release,
 * bonus grants, manual adjustments. Legs must sum to zero (checked here and again by the database).
 */
export const postTransfer = async (
  deps: Pick<ServiceDeps, "db" | "newId">,
  rawInput: PostTransferInput,
): Promise<LedgerResult> => {
  const input = postTransferInput.parse(rawInput);
  const legs = input.legs.map((leg) => ({
    playerId: leg.playerId ?? null,
    type: leg.type,
    scope: "scope" in leg ? (leg.scope ?? "") : "",
    amount: leg.amountMinor.toString(),
  }));
  const { txn, event } = ledgerCommand(deps, {
    command: "transfer",
    kind: input.kind,
    playerId: input.playerId,
    currency: input.currency,
    idempotencyKey: input.idempotencyKey,
    idempotencyScope: input.idempotencyScope,
    context: input.context,
    refs: {
      roundId: input.roundId,
      paymentId: input.paymentId,
      grantId: input.grantId,
      calcVer: input.calcVer,
      contractVer: input.contractVer,
    },
    metadata: input.metadata,
    request: {
      kind: input.kind,
      playerId: input.playerId,
      currency: input.currency,
      legs,
      paymentId: input.paymentId,
      grantId: input.grantId,
      metadata: input.metadata,
    },
  });
  return callLedger(deps.db, "ledger_transfer", [
    txn,
    JSON.stringify(legs),
    event,
    newAccountIds(deps.newId, legs.length),
  ]);
};
