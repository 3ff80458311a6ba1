-- ─── bridge_bet_fast: the common studio bet as one statement ─────────────────────────────────────────────────
-- Most studio bets are new, in the player's currency, on an open game, within limits, from a player who may play and
-- whose cash covers the stake. bridge_bet decides every case through some twenty statements and nested functions,
-- and in PL/pgSQL each pays for its own executor start, plan check and snapshot: most of what a bet costs PostgreSQL.
-- This function makes exactly the writes bridge_bet makes for that common case, with the same values, in one
-- statement after the player's bridge lock; it returns the stored answer, or NULL when anything about the bet is not
-- the common case, having written nothing. The caller then runs bridge_bet with the same arguments, which decides
-- every other case as before (refusals, replays, the duplicate error, tombstones, bonus funding, first play).
--
-- Same serialization as bridge_bet: the bridge lock first (see migration 20261121080000_bridge_wallet), then the
-- statement, whose snapshot is taken after the lock is granted and so sees every command of this player and provider
-- that committed before. What it cannot see is guarded by unique keys: a nonce claimed meanwhile by another player's
-- request (bridge_nonce is per provider) fails the statement with unique_violation and nothing is written; the caller
-- treats that like NULL.
--
-- The writes, as bridge_bet → wallet_debit (CASH_FIRST or CASH_ONLY with cash ≥ stake, so nothing from bonus) →
-- ledger_claim, wallet_lock, ledger_book make them: the nonce, the ledger transaction (metadata with the funding
-- order), its outbox event, both wallet rows locked in id order, the cash debit (never below zero: the update's own
-- condition, re-checked on the latest row), the two postings (cash, then house), the bridge transaction with its
-- answer rendered by bridge_render, and the round. The posting and ledger_txn triggers check them as they check
-- every other transaction.
CREATE FUNCTION bridge_bet_fast(p_cmd jsonb, p_debit jsonb, p_template text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  v_provider text := p_cmd->>'provider';
  v_player_id text := p_cmd->>'playerId';
  body text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('bridge:' || v_provider || ':' || v_player_id, 0));
  WITH cmd AS (
    SELECT v_provider AS provider, v_player_id AS player_id, p_cmd->>'providerTxnId' AS txn_id,
           (p_cmd->>'amountMinor')::bigint AS amount, (p_cmd->>'now')::timestamptz AS now,
           coalesce((p_cmd->>'isRoundClosed')::boolean, false) AS is_closed,
           p_debit->'txn' AS txn, p_debit->'event' AS event,
           -- Millisecond precision, like the columns, as ledger_claim and ledger_book stamp.
           date_trunc('milliseconds', clock_timestamp()) AS stamp
  ), checked AS (
    SELECT cmd.*, p.currency, g.id AS game_id, h.id AS house_id, c.exponent
      FROM cmd
      JOIN player p ON p.id = cmd.player_id
      JOIN game_provider gp ON gp.code = cmd.provider AND gp.is_enabled
      JOIN game_session s ON s.token_hash = p_cmd->>'tokenHash' AND s.player_id = p.id AND s.provider = cmd.provider
                         AND s.expires_at > cmd.now
      JOIN game g ON g.provider = cmd.provider AND g.external_code = p_cmd->>'gameCode' AND g.is_enabled
                 AND (cardinality(g.countries) = 0 OR p.country = ANY (g.countries))
      JOIN game_limit l ON l.game_id = g.id AND l.currency = p.currency
                       AND cmd.amount BETWEEN l.min_stake_minor AND l.max_stake_minor
      JOIN currency c ON c.code = p.currency AND c.is_enabled
      JOIN account h ON h.player_id IS NULL AND h.type = 'GAME_REVENUE' AND h.currency = p.currency
                    AND h.scope = cmd.provider
     WHERE cmd.amount > 0
       AND coalesce(p_cmd->>'currency', p.currency) = p.currency
       AND cmd.txn->>'currency' = p.currency
       AND p_debit->>'funding' IN ('CASH_FIRST', 'CASH_ONLY')
       AND p_cmd->>'wagerRefusal' IS NULL
       -- The wager-time checks through the one function that mirrors them (wager-refusal.ts), never a copy.
       AND wager_block_reason(p.id) IS NULL
       AND NOT EXISTS (SELECT 1 FROM bridge_transaction t
                        WHERE t.provider = cmd.provider AND t.player_id = cmd.player_id AND t.provider_txn_id = cmd.txn_id)
  ), wallet AS (
    SELECT a.id, a.type, a.balance_minor FROM account a, checked c
     WHERE a.player_id = c.player_id AND a.currency = c.currency AND a.scope = '' AND a.type IN ('CASH', 'BONUS')
     ORDER BY a.id FOR UPDATE OF a
  ), debit AS (
    UPDATE account a SET balance_minor = a.balance_minor - c.amount, version = a.version + 1
      FROM checked c, wallet w
     WHERE a.id = w.id AND w.type = 'CASH' AND a.balance_minor >= c.amount
    RETURNING a.id, a.balance_minor
  ), claimed AS (
    INSERT INTO ledger_txn (id, kind, player_id, currency, idempotency_scope, idempotency_key, request_hash,
                            reverses_txn_id, round_id, payment_id, grant_id, calc_ver, contract_ver, metadata, created_at)
    SELECT c.txn->>'id', (c.txn->>'kind')::ledger_kind, c.txn->>'playerId', c.txn->>'currency',
           c.txn->>'idempotencyScope', c.txn->>'idempotencyKey', c.txn->>'requestHash', c.txn->>'reversesTxnId',
           c.txn->>'roundId', c.txn->>'paymentId', c.txn->>'grantId', c.txn->>'calcVer', c.txn->>'contractVer',
           coalesce(c.txn->'metadata', '{}'::jsonb) || jsonb_build_object('funding', p_debit->>'funding'), c.stamp
      FROM checked c, debit
    RETURNING id
  ), legs AS (
    INSERT INTO posting (txn_id, account_id, currency, amount_minor, balance_after, created_at)
    SELECT t.id, leg.account_id, c.currency, leg.amount, leg.balance_after, c.stamp
      FROM checked c, claimed t, debit d,
           LATERAL (VALUES (1, d.id, -c.amount, d.balance_minor), (2, c.house_id, c.amount, NULL::bigint))
             AS leg(n, account_id, amount, balance_after)
     ORDER BY leg.n
  ), event AS (
    INSERT INTO outbox_event (id, event, schema_ver, player_id, envelope, created_at)
    SELECT c.event->>'eventId', 'ledger.posted', 1, c.txn->>'playerId',
      jsonb_build_object(
        'eventId', c.event->>'eventId', 'event', 'ledger.posted', 'schemaVer', 1,
        'ts', to_char(c.stamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'playerId', c.txn->>'playerId', 'sessionId', c.event->>'sessionId', 'traceId', c.event->>'traceId',
        'geo', c.event->'geo', 'device', c.event->'device',
        'payload', jsonb_build_object(
          'txnId', t.id, 'kind', c.txn->>'kind', 'currency', c.txn->>'currency',
          'amount', round(c.amount / (10::numeric ^ c.exponent), c.exponent)::text,
          'roundId', c.txn->>'roundId', 'paymentId', c.txn->>'paymentId', 'reversesTxnId', c.txn->>'reversesTxnId')),
      c.stamp
      FROM checked c, claimed t
  ), nonce AS (
    INSERT INTO bridge_nonce (provider, nonce, created_at)
    SELECT c.provider, p_cmd->>'nonce', c.now FROM checked c, debit WHERE p_cmd->>'nonce' IS NOT NULL
  ), recorded AS (
    INSERT INTO bridge_transaction (id, provider, player_id, provider_txn_id, kind, status, provider_round_id, game_id,
      currency, amount_minor, fingerprint, ledger_txn_id, response_status, response_body, created_at, updated_at)
    SELECT p_cmd->>'id', c.provider, c.player_id, c.txn_id, 'BET', 'OK', p_cmd->>'providerRoundId', c.game_id,
           c.currency, c.amount, p_cmd->>'fingerprint', t.id, (p_cmd->>'responseStatus')::int,
           bridge_render(p_template, jsonb_build_object('currency', c.currency, 'cashMinor', d.balance_minor::text,
             'bonusMinor', coalesce((SELECT w.balance_minor FROM wallet w WHERE w.type = 'BONUS'), 0)::text)),
           c.now, c.now
      FROM checked c, claimed t, debit d
    RETURNING response_body
  ), round AS (
    INSERT INTO bridge_round (id, provider, player_id, provider_round_id, game_id, currency, status, opened_at, closed_at)
    SELECT p_cmd->>'roundId', c.provider, c.player_id, p_cmd->>'providerRoundId', c.game_id, c.currency,
           CASE WHEN c.is_closed THEN 'CLOSED' ELSE 'OPEN' END::bridge_round_status, c.now,
           CASE WHEN c.is_closed THEN c.now END
      FROM checked c, debit
    ON CONFLICT (provider, player_id, provider_round_id) DO UPDATE SET status = 'CLOSED', closed_at = EXCLUDED.opened_at
      WHERE EXCLUDED.status = 'CLOSED' AND bridge_round.status = 'OPEN'
  )
  SELECT convert_from(r.response_body, 'UTF8') INTO body FROM recorded r;
  RETURN body;
END $$;
