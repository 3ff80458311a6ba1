import { getPlayerBalances, type PlayerBalance } from "../wallet/ledger-reads";
import type { LedgerResult } from "../wallet/wallet.repo";
import type { Balances, BridgeDeps } from "./bridge.types";

/** Cash and bonus of a player in one currency (bonus summed over its grants). */
export const foldBalances = (rows: PlayerBalance[], currency: string): Balances => {
  const sum = (type: string) =>
    rows
      .filter((row) => row.currency === currency && row.type === type)
      .reduce((total, row) => total + row.balanceMinor, 0n);
  return { currency, cashMinor: sum("CASH"), bonusMinor: sum("BONUS") };
};

/** A player's accounts, read through the wallet (in parallel with a command's other reads, folded once known). */
export const readAccounts = (deps: Pick<BridgeDeps, "db">, playerId: string) => getPlayerBalances(deps, playerId);

export const currentBalances = async (deps: Pick<BridgeDeps, "db">, playerId: string, currency: string) =>
  foldBalances(await readAccounts(deps, playerId), currency);

/**
 * The balances right after a ledger command: the cash account's own balance-after when the command touched it,
 * bonus moved by the command's bonus legs; what the command did not touch is as read before it.
 */
export const balancesAfter = (before: Balances, result: LedgerResult): Balances => {
  const mine = result.postings.filter((posting) => posting.owner === "PLAYER");
  const cash = mine.find((posting) => posting.type === "CASH" && posting.scope === "");
  const bonusDelta = mine
    .filter((posting) => posting.type === "BONUS")
    .reduce((total, posting) => total + posting.amountMinor, 0n);
  return {
    currency: before.currency,
    cashMinor: cash?.balanceAfter ?? before.cashMinor,
    bonusMinor: before.bonusMinor + bonusDelta,
  };
};
