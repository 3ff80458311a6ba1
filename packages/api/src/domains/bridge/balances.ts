import { exponentOf } from "@pitboss/db";
import { getPlayerBalances } from "../wallet/ledger-reads";
import { scaledText } from "./amounts";
import type { AnswerBalances, Balances, BridgeDeps, PendingBalances } from "./bridge.types";
import { type JsonValue, RawNumber, Slot } from "./json";

/** Cash and bonus of a player in one currency (bonus summed over its grants). */
export const currentBalances = async (deps: Pick<BridgeDeps, "db">, playerId: string, currency: string) => {
  const rows = await getPlayerBalances(deps, playerId);
  const sum = (type: string) =>
    rows
      .filter((row) => row.currency === currency && row.type === type)
      .reduce((total, row) => total + row.balanceMinor, 0n);
  return { currency, cashMinor: sum("CASH"), bonusMinor: sum("BONUS") } satisfies Balances;
};

/**
 * One balance figure of an answer, as a protocol writes it: cash (`c`), bonus (`b`) or their total (`t`) in units of
 * 10^-scale of the major unit (null: the currency's minor units), rounded down, with `places` decimals; a JSON string
 * when quoted. For pending balances, the slot the database fills in with the same figure.
 */
export const balanceField = (
  balances: AnswerBalances,
  field: "c" | "b" | "t",
  scale: number | null,
  places: number,
  isQuoted = false,
): JsonValue => {
  if ("isPending" in balances) return Slot.balance(field, scale, places, isQuoted);
  const minor =
    field === "c" ? balances.cashMinor : field === "b" ? balances.bonusMinor : balances.cashMinor + balances.bonusMinor;
  const text = scaledText(minor, scale === null ? 0 : scale - exponentOf(balances.currency), places);
  return isQuoted ? text : new RawNumber(text);
};

/** The currency of an answer's balances (for pending balances, the slot the database fills in). */
export const currencyField = (balances: AnswerBalances): JsonValue =>
  "isPending" in balances ? Slot.currency() : balances.currency;

/** Balances an answer reports once the database knows them (see Slot). */
export const pendingBalances: PendingBalances = { isPending: true };
