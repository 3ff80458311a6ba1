import type { Db } from "@pitboss/db";
import { callDbFunction, isDeadlock, isUniqueViolation, queryDbFunction } from "../wallet/wallet.repo";
import { createBatcher } from "./bet-batches";
import type { Balances, BridgeRefusal } from "./bridge.types";

/**
 * The bridge's queries. The studio hot path (bet, win, rollback) is one database function per command (migration
 * 20261121080000_bridge_wallet), called through the shared pg pool as a named statement. No decisions here.
 */
export type BridgeTxnKind = "BET" | "WIN" | "ROLLBACK";
export type BridgeTxnStatus = "OK" | "REFUSED" | "ROLLED_BACK" | "TOMBSTONE";

export type BridgeRow = {
  id: string;
  kind: BridgeTxnKind;
  status: BridgeTxnStatus;
  fingerprint: string | null;
  ledgerTxnId: string | null;
  providerRoundId: string | null;
  responseStatus: number | null;
  responseBody: Buffer | null;
};

/** A transaction row as the bridge's database functions return it (bridge_row_json). */
type RawRow = {
  id: string;
  kind: BridgeTxnKind;
  status: BridgeTxnStatus;
  fingerprint: string | null;
  ledgerTxnId: string | null;
  providerRoundId: string | null;
  responseStatus: number | null;
  responseBody: string | null;
};
type RawBalances = { currency: string; cashMinor: string; bonusMinor: string };

const rowOf = (raw: RawRow): BridgeRow => ({
  ...raw,
  responseBody: raw.responseBody == null ? null : Buffer.from(raw.responseBody, "utf8"),
});
const balancesOf = (raw: RawBalances): Balances => ({
  currency: raw.currency,
  cashMinor: BigInt(raw.cashMinor),
  bonusMinor: BigInt(raw.bonusMinor),
});

/** What a command's database function decided (migration 20261121080000_bridge_wallet). */
export type CommandOutcome =
  | { outcome: "OK"; body: Buffer; reversedUnrecorded: string | null }
  | { outcome: "REFUSED"; refusal: BridgeRefusal; balances: Balances; gameId: string | null }
  | { outcome: "EXISTING"; row: BridgeRow; balances: Balances }
  | { outcome: "NO_PLAYER" | "REPLAYED" };

type RawOutcome = {
  outcome: CommandOutcome["outcome"];
  body?: string;
  refusal?: BridgeRefusal;
  gameId?: string | null;
  row?: RawRow;
  balances?: RawBalances;
  reversedUnrecorded?: string | null;
};

const jsonArg = (value: unknown) =>
  value === null ? null : JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v));

/** The database function of each studio command (bet, win, rollback). */
export type CommandFunction = "bridge_bet" | "bridge_win" | "bridge_rollback";

/** A command's common case, many to a statement, tried before the command's own function (see runCommand). */
export type CommonCaseFunction = "bridge_bets_fast";

/** Failures of a whole batch that wrote nothing and that each command's own function answers on its own. */
const handsBatchOver = (error: unknown) =>
  // A nonce claimed meanwhile (the command's function answers that replay), or a deadlock with other commands.
  isUniqueViolation(error) || isDeadlock(error);

/**
 * Up to two statements out at once: while PostgreSQL records one batch (much of it waiting for the WAL flush), the next
 * may run. The second goes only with 16 bets or more; fewer wait for the first to finish. Any bet at all used to take
 * the free slot, and under load every other statement carried a single bet at about 1.6 times a batched bet's cost
 * (docs/benchmarks.md).
 */
export const commonCaseBatching = { maxInFlight: 2, maxBatch: 64, minBatchBeside: 16 } as const;

const commonCaseSenders = new WeakMap<
  Db["pool"],
  Map<CommonCaseFunction, (item: string, key: string) => Promise<string | null>>
>();

/**
 * Sends a command's common case to `fn` with the others waiting (bet-batches.ts): one statement for all of them,
 * answering each with its stored answer, or null when it is any other case: nothing is written for it, and the
 * command's own function decides it from the same arguments.
 */
const runCommonCase = (db: Db, fn: CommonCaseFunction, item: string, key: string): Promise<string | null> => {
  let senders = commonCaseSenders.get(db.pool);
  if (!senders) {
    senders = new Map();
    commonCaseSenders.set(db.pool, senders);
  }
  let send = senders.get(fn);
  if (!send) {
    send = createBatcher<string, string | null>(async (items) => {
      try {
        const bodies = await queryDbFunction<(string | null)[]>(db, fn, [`[${items.join(",")}]`]);
        return bodies ?? items.map(() => null);
      } catch (error) {
        if (handsBatchOver(error)) return items.map(() => null);
        throw error;
      }
    }, commonCaseBatching);
    senders.set(fn, send);
  }
  return send(item, key);
};

/**
 * Runs one command (`bridge_bet`, `bridge_win`, `bridge_rollback`): one statement that locks the player's studio
 * commands, dedupes, decides, moves the money and records the transaction with the rendered answer. With
 * `commonCaseFn` (a stake: `bridge_bets_fast`, migration 20261122000000_studio_bet_batches), the common case is tried
 * first, batched with other players' (runCommonCase). Ledger refusals raised inside come back as DomainErrors, with
 * nothing written.
 */
export const runCommand = async (
  db: Db,
  fn: CommandFunction,
  command: Record<string, unknown>,
  ledger: Record<string, unknown> | null,
  template: Buffer,
  accountIds: (() => string[]) | null,
  commonCaseFn: CommonCaseFunction | null = null,
): Promise<CommandOutcome> => {
  const args = [jsonArg(command), jsonArg(ledger), template.toString("utf8")] as const;
  if (commonCaseFn) {
    const item = `{"cmd":${args[0]},"debit":${args[1]},"template":${JSON.stringify(args[2])}}`;
    const body = await runCommonCase(db, commonCaseFn, item, `${command.provider}:${command.playerId}`);
    if (body !== null) return { outcome: "OK", body: Buffer.from(body, "utf8"), reversedUnrecorded: null };
  }
  const raw = await callDbFunction<RawOutcome>(db, fn, accountIds ? [...args, accountIds()] : [...args]);
  switch (raw.outcome) {
    case "OK":
      return {
        outcome: "OK",
        body: Buffer.from(raw.body ?? "", "utf8"),
        reversedUnrecorded: raw.reversedUnrecorded ?? null,
      };
    case "REFUSED":
      return {
        outcome: "REFUSED",
        refusal: raw.refusal as BridgeRefusal,
        balances: balancesOf(raw.balances as RawBalances),
        gameId: raw.gameId ?? null,
      };
    case "EXISTING":
      return { outcome: "EXISTING", row: rowOf(raw.row as RawRow), balances: balancesOf(raw.balances as RawBalances) };
    default:
      return { outcome: raw.outcome };
  }
};

export type NewBridgeRow = {
  id: string;
  provider: string;
  playerId: string;
  providerTxnId: string;
  kind: BridgeTxnKind;
  status: "OK" | "REFUSED";
  providerRoundId: string | null;
  gameId: string | null;
  currency: string | null;
  amountMinor: bigint | null;
  referenceTxnId: string | null;
  fingerprint: string;
  ledgerTxnId: string | null;
  responseStatus: number;
  now: Date;
  /** The nonce the request carried (our protocol), claimed with the record if the command's statement did not. */
  nonce: string | null;
};

/**
 * Records a final refusal with its answer, under the commands' lock. Returns null when recorded, or the row that took
 * the transaction id meanwhile with the player's balances (the caller answers from it).
 */
export const recordRefusal = async (
  db: Db,
  row: NewBridgeRow,
  body: Buffer,
): Promise<{ row: BridgeRow; balances: Balances } | null> => {
  const raw = await callDbFunction<{ inserted: boolean; row?: RawRow; balances?: RawBalances }>(
    db,
    "bridge_record_refusal",
    [jsonArg(row), body],
  );
  return raw.inserted ? null : { row: rowOf(raw.row as RawRow), balances: balancesOf(raw.balances as RawBalances) };
};

/** A player's cash and bonus in one currency, as every studio command reports them (`bridge_balances`). */
export const readBalancesIn = async (db: Db, playerId: string, currency: string): Promise<Balances> => {
  const { rows } = await db.pool.query<{ balances: RawBalances }>({
    name: "bridge_read_balances_in",
    text: "SELECT bridge_balances($1, $2) AS balances",
    values: [playerId, currency],
  });
  return balancesOf(rows[0]?.balances as RawBalances);
};

/** A player's balances in their wallet currency (null: no such player). */
export const readBalances = async (db: Db, playerId: string): Promise<Balances | null> => {
  const { rows } = await db.pool.query<{ balances: RawBalances }>({
    name: "bridge_read_balances",
    text: "SELECT bridge_balances(id, currency) AS balances FROM player WHERE id = $1",
    values: [playerId],
  });
  return rows[0] ? balancesOf(rows[0].balances) : null;
};

/** What wager-time checks run outside the database need: the player's currency and the game's slug. */
export const findWagerSubject = async (db: Db, provider: string, playerId: string, gameCode: string) => {
  const { rows } = await db.pool.query<{ currency: string; slug: string }>({
    name: "bridge_wager_subject",
    text: `SELECT p.currency, g.slug FROM player p JOIN game g ON g.provider = $1 AND g.external_code = $3
           WHERE p.id = $2`,
    values: [provider, playerId, gameCode],
  });
  return rows[0] ?? null;
};

/** Closes a round (creating it closed when the bridge never saw it); closing twice changes nothing. */
export const closeRound = async (
  db: Db,
  round: { id: string; provider: string; playerId: string; providerRoundId: string; currency: string; now: Date },
) => {
  await db.pool.query({
    text: `INSERT INTO bridge_round (id, provider, player_id, provider_round_id, currency, status, opened_at, closed_at)
           VALUES ($1, $2, $3, $4, $5, 'CLOSED', $6, $6)
           ON CONFLICT (provider, player_id, provider_round_id) DO UPDATE SET status = 'CLOSED', closed_at = $6
           WHERE bridge_round.status = 'OPEN'`,
    values: [round.id, round.provider, round.playerId, round.providerRoundId, round.currency, round.now],
  });
};

/** Accepts a request id once per provider: false when it was seen before (a replayed request). */
export const claimNonce = async (db: Db, provider: string, nonce: string, now: Date): Promise<boolean> => {
  const { rowCount } = await db.pool.query({
    name: "bridge_nonce",
    text: "INSERT INTO bridge_nonce (provider, nonce, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    values: [provider, nonce, now],
  });
  return rowCount === 1;
};

export const pruneNonces = async (db: Db, before: Date): Promise<number> => {
  const { rowCount } = await db.pool.query({
    text: "DELETE FROM bridge_nonce WHERE created_at < $1",
    values: [before],
  });
  return rowCount ?? 0;
};

/** The session a token opens, by the token's SHA-256. */
export const findSessionByTokenHash = (db: Db, tokenHash: string) =>
  db.prisma.gameSession.findUnique({
    where: { tokenHash },
    select: { playerId: true, provider: true, currency: true, expiresAt: true, gameId: true },
  });
