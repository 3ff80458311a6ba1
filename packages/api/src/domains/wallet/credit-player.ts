import type { ServiceDeps } from "../../deps";
import { ledgerCommand } from "./ledger-command";
import { callLedger, type LedgerResult, newAccountIds } from "./wallet.repo";
import { type CreditPlayerInput, creditPlayerInput } from "./wallet.schemas";

/** The arguments of `wallet_credit` for a win, for `creditPlayer` and for callers running it inside a larger statement. */
export const winCreditCommand = (deps: Pick<ServiceDeps, "newId">, rawInput: CreditPlayerInput) => {
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
  return {
    txn,
    event,
    amountMinor: input.amountMinor,
    sourceTxnId: input.sourceTxnId ?? null,
    houseScope: input.houseScope,
  };
};

/** Pays a win from the provider's game revenue to the player, back to the stake's sources in proportion. */
export const creditPlayer = async (
  deps: Pick<ServiceDeps, "db" | "newId">,
  rawInput: CreditPlayerInput,
): Promise<LedgerResult> => {
  const { txn, event, amountMinor, sourceTxnId, houseScope } = winCreditCommand(deps, rawInput);
  return callLedger(deps.db, "wallet_credit", [
    txn,
    amountMinor.toString(),
    sourceTxnId,
    houseScope,
    event,
    newAccountIds(deps.newId, 3),
  ]);
};
