import { randomUUID } from "node:crypto";
import type { CurrencyCode } from "@pitboss/db";
import { createTestPlayer } from "@pitboss/db/testing";
import { expect } from "vitest";
import type { ServiceDeps } from "../deps";
import { getPlayerBalances } from "../domains/wallet/ledger-reads";
import { creditDeposit } from "../domains/wallet/payment-movements";
import { reconcileLedger } from "../domains/wallet/reconcile-ledger";

/** A new player with `amountMinor` of cash, deposited through the ledger like real money. */
export const createFundedPlayer = async (deps: ServiceDeps, amountMinor: bigint, currency: CurrencyCode = "EUR") => {
  const player = await createTestPlayer(deps.db, { currency });
  if (amountMinor > 0n) {
    await creditDeposit(deps, {
      playerId: player.id,
      currency,
      amountMinor,
      provider: "test-psp",
      paymentId: `pay_${randomUUID()}`,
      idempotencyKey: randomUUID(),
    });
  }
  return player;
};

/** After every money test: every transaction balanced, every balance equal to its postings, none negative. */
export const expectLedgerInvariants = async (deps: ServiceDeps) => {
  const reconciliation = await reconcileLedger(deps);
  expect(reconciliation.unbalancedTransactions).toEqual([]);
  expect(reconciliation.mismatchedAccounts).toEqual([]);
  expect(reconciliation.negativeAccounts).toEqual([]);
  expect(reconciliation.orphanPostings).toEqual([]);
};

export const errorCodeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return "NO_ERROR";
  } catch (error) {
    return (error as { code?: string }).code ?? "UNKNOWN";
  }
};

/** The player's balance of one account type in one currency (0 when the account does not exist yet). */
export const balanceOf = async (
  deps: ServiceDeps,
  playerId: string,
  type: "CASH" | "BONUS" | "WITHDRAWAL_PENDING" = "CASH",
  currency = "EUR",
) =>
  (await getPlayerBalances(deps, playerId)).find((b) => b.type === type && b.currency === currency)?.balanceMinor ?? 0n;
