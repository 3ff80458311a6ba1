import { bigintTypes, type Db } from "@pitboss/db";
import type { BridgeProtocol } from "./bridge.types";

/**
 * The bridge's queries. The studio hot path (bet, win, rollback) uses the shared pg pool with named statements: one
 * round trip loads everything a command decides on, one writes its record. No decisions here.
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

/** Everything a command may need, loaded at once; absent parts are null. */
export type CommandContext = {
  protocol: BridgeProtocol;
  isProviderEnabled: boolean;
  player: { id: string; currency: string; country: string } | null;
  session: { playerId: string; provider: string; expiresAt: Date } | null;
  game: {
    id: string;
    slug: string;
    isEnabled: boolean;
    countries: string[];
    limit: { minStakeMinor: bigint; maxStakeMinor: bigint } | null;
  } | null;
  existing: BridgeRow | null;
  reference: BridgeRow | null;
};

const rowColumns = (alias: string) =>
  ["id", "kind", "status", "fingerprint", "ledger_txn_id", "provider_round_id", "response_status", "response_body"]
    .map((column) => `${alias}.${column} AS ${alias}_${column}`)
    .join(", ");

type RawRow = Record<string, unknown>;

const rowOf = (raw: RawRow, alias: string): BridgeRow | null =>
  raw[`${alias}_id`] == null
    ? null
    : {
        id: raw[`${alias}_id`] as string,
        kind: raw[`${alias}_kind`] as BridgeTxnKind,
        status: raw[`${alias}_status`] as BridgeTxnStatus,
        fingerprint: (raw[`${alias}_fingerprint`] as string | null) ?? null,
        ledgerTxnId: (raw[`${alias}_ledger_txn_id`] as string | null) ?? null,
        providerRoundId: (raw[`${alias}_provider_round_id`] as string | null) ?? null,
        responseStatus: (raw[`${alias}_response_status`] as number | null) ?? null,
        responseBody: (raw[`${alias}_response_body`] as Buffer | null) ?? null,
      };

const contextSql = `
  SELECT gp.protocol, gp.is_enabled AS provider_enabled,
         p.id AS player_id, p.currency AS player_currency, p.country AS player_country,
         s.player_id AS session_player_id, s.provider AS session_provider, s.expires_at AS session_expires_at,
         g.id AS game_id, g.slug AS game_slug, g.is_enabled AS game_enabled, g.countries AS game_countries,
         gl.min_stake_minor, gl.max_stake_minor,
         ${rowColumns("bt")}, ${rowColumns("ref")}
  FROM game_provider gp
  LEFT JOIN player p ON p.id = $2
  LEFT JOIN game_session s ON s.token_hash = $3
  LEFT JOIN game g ON g.provider = gp.code AND g.external_code = $4
  LEFT JOIN game_limit gl ON gl.game_id = g.id AND gl.currency = p.currency
  LEFT JOIN bridge_transaction bt ON bt.provider = gp.code AND bt.player_id = p.id AND bt.provider_txn_id = $5
  LEFT JOIN bridge_transaction ref ON ref.provider = gp.code AND ref.player_id = p.id AND ref.provider_txn_id = $6
  WHERE gp.code = $1`;

/** One round trip: provider, player, session (by token hash), game (by studio code), the transaction and its reference. */
export const loadContext = async (
  db: Db,
  key: {
    provider: string;
    playerId: string;
    tokenHash?: string | null;
    gameCode?: string | null;
    providerTxnId?: string | null;
    referenceTxnId?: string | null;
  },
): Promise<CommandContext | null> => {
  const { rows } = await db.pool.query<RawRow>({
    name: "bridge_context",
    text: contextSql,
    values: [
      key.provider,
      key.playerId,
      key.tokenHash ?? null,
      key.gameCode ?? null,
      key.providerTxnId ?? null,
      key.referenceTxnId ?? null,
    ],
    types: bigintTypes,
  });
  const raw = rows[0];
  if (!raw) return null;
  return {
    protocol: raw.protocol as BridgeProtocol,
    isProviderEnabled: raw.provider_enabled as boolean,
    player:
      raw.player_id == null
        ? null
        : {
            id: raw.player_id as string,
            currency: raw.player_currency as string,
            country: raw.player_country as string,
          },
    session:
      raw.session_player_id == null
        ? null
        : {
            playerId: raw.session_player_id as string,
            provider: raw.session_provider as string,
            expiresAt: raw.session_expires_at as Date,
          },
    game:
      raw.game_id == null
        ? null
        : {
            id: raw.game_id as string,
            slug: raw.game_slug as string,
            isEnabled: raw.game_enabled as boolean,
            countries: (raw.game_countries as string[] | null) ?? [],
            limit:
              raw.min_stake_minor == null
                ? null
                : { minStakeMinor: raw.min_stake_minor as bigint, maxStakeMinor: raw.max_stake_minor as bigint },
          },
    existing: rowOf(raw, "bt"),
    reference: rowOf(raw, "ref"),
  };
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
  responseBody: Buffer;
  now: Date;
};

export type RoundTouch = {
  id: string;
  providerRoundId: string;
  currency: string;
  gameId: string | null;
  close: boolean;
};

const insertSql = `
  WITH ins AS (
    INSERT INTO bridge_transaction (id, provider, player_id, provider_txn_id, kind, status, provider_round_id, game_id,
      currency, amount_minor, reference_txn_id, fingerprint, ledger_txn_id, response_status, response_body, created_at,
      updated_at)
    VALUES ($1, $2, $3, $4, $5::bridge_txn_kind, $6::bridge_txn_status, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
    -- Any unique conflict: the transaction key, or its ledger transaction recorded by a concurrent copy.
    ON CONFLICT DO NOTHING
    RETURNING id
  ), round AS (
    INSERT INTO bridge_round (id, provider, player_id, provider_round_id, game_id, currency, status, opened_at, closed_at)
    SELECT $17, $2, $3, $7, $8, $18, CASE WHEN $19::boolean THEN 'CLOSED' ELSE 'OPEN' END::bridge_round_status, $16,
           CASE WHEN $19::boolean THEN $16::timestamptz END
    WHERE $17::text IS NOT NULL AND EXISTS (SELECT 1 FROM ins)
    ON CONFLICT (provider, player_id, provider_round_id) DO UPDATE
      SET status = 'CLOSED', closed_at = EXCLUDED.opened_at
      WHERE $19::boolean AND bridge_round.status = 'OPEN'
    RETURNING 1
  )
  SELECT (SELECT id FROM ins) AS inserted_id, (SELECT count(*) FROM round) AS rounds`;

/**
 * Records a transaction (and opens or closes its round) in one statement. Returns false when a row with the same
 * (provider, player, provider transaction id) exists already: the caller then answers from that row.
 */
export const insertTransaction = async (db: Db, row: NewBridgeRow, round: RoundTouch | null): Promise<boolean> => {
  const { rows } = await db.pool.query<{ inserted_id: string | null }>({
    name: "bridge_insert",
    text: insertSql,
    values: [
      row.id,
      row.provider,
      row.playerId,
      row.providerTxnId,
      row.kind,
      row.status,
      round?.providerRoundId ?? row.providerRoundId,
      row.gameId,
      row.currency,
      row.amountMinor?.toString() ?? null,
      row.referenceTxnId,
      row.fingerprint,
      row.ledgerTxnId,
      row.responseStatus,
      row.responseBody,
      row.now,
      round?.id ?? null,
      round?.currency ?? null,
      round?.close ?? false,
    ],
  });
  return rows[0]?.inserted_id != null;
};

const findSql = `SELECT ${rowColumns("bt")} FROM bridge_transaction bt
  WHERE bt.provider = $1 AND bt.player_id = $2 AND bt.provider_txn_id = $3`;

export const findTransaction = async (
  db: Db,
  provider: string,
  playerId: string,
  providerTxnId: string,
): Promise<BridgeRow | null> => {
  const { rows } = await db.pool.query<RawRow>({
    name: "bridge_find",
    text: findSql,
    values: [provider, playerId, providerTxnId],
  });
  return rows[0] ? rowOf(rows[0], "bt") : null;
};

/** A rollback for a transaction not seen yet: the id is taken, so a late transaction with it moves no money. */
export const insertTombstone = async (
  db: Db,
  row: {
    id: string;
    provider: string;
    playerId: string;
    providerTxnId: string;
    providerRoundId: string | null;
    now: Date;
  },
): Promise<boolean> => {
  const { rowCount } = await db.pool.query({
    text: `INSERT INTO bridge_transaction (id, provider, player_id, provider_txn_id, kind, status, provider_round_id,
             created_at, updated_at)
           VALUES ($1, $2, $3, $4, 'BET', 'TOMBSTONE', $5, $6, $6)
           ON CONFLICT (provider, player_id, provider_txn_id) DO NOTHING`,
    values: [row.id, row.provider, row.playerId, row.providerTxnId, row.providerRoundId, row.now],
  });
  return rowCount === 1;
};

/**
 * A ledger transaction by its idempotency key, read-only: a rollback for a transaction with no bridge record uses it
 * to find money that moved without being recorded (the process died between the ledger call and the record).
 */
export const findLedgerTxnByKey = async (db: Db, scope: string, key: string): Promise<string | null> => {
  const { rows } = await db.pool.query<{ id: string }>({
    name: "bridge_ledger_by_key",
    text: "SELECT id FROM ledger_txn WHERE idempotency_scope = $1 AND idempotency_key = $2",
    values: [scope, key],
  });
  return rows[0]?.id ?? null;
};

/** OK → ROLLED_BACK, once; returns false when the row was not OK any more. */
export const markRolledBack = async (db: Db, id: string, reversalTxnId: string | null, now: Date) => {
  const { rowCount } = await db.pool.query({
    text: `UPDATE bridge_transaction SET status = 'ROLLED_BACK', reversal_txn_id = $2, updated_at = $3
           WHERE id = $1 AND status = 'OK'`,
    values: [id, reversalTxnId, now],
  });
  return rowCount === 1;
};

/** The bets of a studio round, oldest first (for protocols whose wins name the round, not the bet). */
export const listRoundBets = async (db: Db, provider: string, playerId: string, providerRoundId: string) => {
  const { rows } = await db.pool.query<{ status: BridgeTxnStatus; ledger_txn_id: string | null }>({
    name: "bridge_round_bets",
    text: `SELECT status, ledger_txn_id FROM bridge_transaction
           WHERE provider = $1 AND player_id = $2 AND provider_round_id = $3 AND kind = 'BET'
           ORDER BY created_at, id`,
    values: [provider, playerId, providerRoundId],
  });
  return rows.map((row) => ({ status: row.status, ledgerTxnId: row.ledger_txn_id }));
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
