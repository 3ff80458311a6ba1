/**
 * The rounds engine's one-statement plays (migration 20261121070000_round_wallet): the round rows and the ledger
 * movements they carry commit together or not at all.
 */
import type { Db } from "@pitboss/db";
import type { JsonValue } from "../games/games";
import { callDbFunction, type LedgerResult, parseLedgerResult, type RawLedgerResult } from "../wallet/wallet.repo";

type LedgerArgs = { txn: unknown; event: unknown };

/** A round as written by `round_play_instant`: settled, with its outcome, from the seed pair and nonce given. */
export type InstantRoundRow = {
  id: string;
  playerId: string;
  gameId: string;
  houseScope: string;
  currency: string;
  calcVer: string;
  status: "SETTLED";
  result: "WIN" | "LOSE" | "PUSH";
  stakeMinor: bigint;
  payoutMinor: bigint;
  seedPairId: string;
  nonce: number;
  params: JsonValue;
  outcome: JsonValue;
  idempotencyKey: string;
  requestHash: string;
  winTxnId: string | null;
  timeoutAt: Date;
  createdAt: Date;
  settledAt: Date;
};

const jsonArg = (value: Record<string, unknown>) =>
  JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v));

/** The player's active seed pair as the statement found it (null if a rotation had removed it). */
export type CurrentPair = {
  id: string;
  serverSeed: string;
  serverSeedHash: string;
  clientSeed: string;
  nextNonce: number;
} | null;

type Played =
  | { status: "PLAYED"; debit: LedgerResult; win: LedgerResult | null }
  | { status: "NONCE_MOVED"; pair: CurrentPair }
  | { status: "KEY_TAKEN" };

type RawPlayed =
  | { status: "PLAYED"; debit: RawLedgerResult; win: RawLedgerResult | null }
  | { status: "NONCE_MOVED"; pair: CurrentPair }
  | { status: "KEY_TAKEN" };

export const playInstantRound = async (
  db: Db,
  round: InstantRoundRow,
  betId: string,
  debit: LedgerArgs & { funding: string },
  win: LedgerArgs | null,
  newAccountIds: string[],
): Promise<Played> => {
  const raw = await callDbFunction<RawPlayed>(db, "round_play_instant", [
    jsonArg(round),
    jsonArg({ id: betId }),
    jsonArg({ txn: debit.txn, event: debit.event }),
    win ? jsonArg({ txn: win.txn, event: win.event }) : null,
    debit.funding,
    newAccountIds,
  ]);
  if (raw.status !== "PLAYED") return raw;
  return {
    status: "PLAYED",
    debit: parseLedgerResult(raw.debit),
    win: raw.win ? parseLedgerResult(raw.win) : null,
  };
};

/** A bet of a multi-step round as written by `round_place_bet`, its debit already taken. */
export type RoundBetRow = {
  id: string;
  roundId: string;
  playerId: string;
  stakeMinor: bigint;
  idempotencyKey: string;
  requestHash: string;
  createdAt: Date;
};

type Placed = { status: "PLACED"; debit: LedgerResult } | { status: "CLOSED" } | { status: "KEY_TAKEN" };
type RawPlaced = { status: "PLACED"; debit: RawLedgerResult } | { status: "CLOSED" } | { status: "KEY_TAKEN" };

/** Adds a stake to an open round: the round's total, the bet row and the debit, in one statement. */
export const placeRoundBet = async (
  db: Db,
  bet: RoundBetRow,
  openUntil: Date,
  debit: LedgerArgs & { funding: string; houseScope: string },
  newAccountIds: string[],
): Promise<Placed> => {
  const raw = await callDbFunction<RawPlaced>(db, "round_place_bet", [
    jsonArg(bet),
    openUntil,
    jsonArg({ txn: debit.txn, event: debit.event }),
    debit.funding,
    debit.houseScope,
    newAccountIds,
  ]);
  return raw.status === "PLACED" ? { status: "PLACED", debit: parseLedgerResult(raw.debit) } : raw;
};
