import type { Prisma } from "@pitboss/db";
import type { JsonValue } from "../games/games";
import type { RoundRow } from "./rounds.repo";

/** A round as players (and later staff) see it: money in minor units, seeds only once revealed. */
export type RoundView = {
  id: string;
  game: string;
  calcVer: string;
  status: "OPEN" | "SETTLED" | "VOIDED";
  result: "WIN" | "LOSE" | "PUSH" | null;
  voidReason: string | null;
  currency: string;
  stakeMinor: bigint;
  /** Null until the round is settled; 0 for a loss and for a voided round. */
  payoutMinor: bigint | null;
  params: unknown;
  /** The game's outcome, once settled (never while open). */
  outcome: unknown;
  fairness: {
    seedPairId: string;
    serverSeedHash: string;
    /** The server seed, only once the pair has been rotated out; until then only its hash is known. */
    serverSeed: string | null;
    clientSeed: string;
    nonce: number;
  } | null;
  bets: { id: string; stakeMinor: bigint; createdAt: Date; isRefunded: boolean }[];
  createdAt: Date;
  settledAt: Date | null;
};

export const toRoundView = (round: RoundRow): RoundView => {
  const isSettled = round.status === "SETTLED";
  const pair = round.seedPair;
  return {
    id: round.id,
    game: round.game.slug,
    calcVer: round.calcVer,
    status: round.status,
    result: isSettled ? round.result : null,
    voidReason: round.status === "VOIDED" ? round.voidReason : null,
    currency: round.currency,
    stakeMinor: round.totalStakeMinor,
    payoutMinor: isSettled ? round.totalPayoutMinor : round.status === "VOIDED" ? 0n : null,
    params: round.params,
    outcome: isSettled ? round.outcome : null,
    // A decided-but-unfinished round already has its nonce; an undecided one shows nothing yet.
    fairness:
      pair && round.nonce !== null
        ? {
            seedPairId: pair.id,
            serverSeedHash: pair.serverSeedHash,
            serverSeed: pair.revealedAt ? pair.serverSeed : null,
            clientSeed: pair.clientSeed,
            nonce: round.nonce,
          }
        : null,
    bets: round.bets.map((bet) => ({
      id: bet.id,
      stakeMinor: bet.stakeMinor,
      createdAt: bet.createdAt,
      isRefunded: bet.refundTxnId !== null,
    })),
    createdAt: round.createdAt,
    settledAt: round.settledAt,
  };
};

/** JSON-safe copy of request parameters (bigint → decimal string, what the games' stake schema also accepts). */
export const toJsonSafe = (value: unknown): JsonValue => {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toJsonSafe(v)]),
    );
  }
  if (value === undefined) return null;
  return value as JsonValue;
};

/** A validated JSON value as Prisma's column input (parameters are always objects once a game schema accepted them). */
export const asJsonColumn = (value: JsonValue) => (value ?? {}) as Prisma.InputJsonValue;
