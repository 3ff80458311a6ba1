import { exponentOf } from "@pitboss/db";
import { scaledText } from "./amounts";
import type { AnswerBalances, PendingBalances } from "./bridge.types";
import { type JsonValue, RawNumber, Slot } from "./json";

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
