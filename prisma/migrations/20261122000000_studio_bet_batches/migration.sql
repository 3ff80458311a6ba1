-- ─── bridge_bets_fast: common studio bets, many to a statement ──────────────────────────────────────────────
-- bridge_bet_fast (migration 20261121150000_studio_bet_fast_path) made the common studio bet one statement. Most of
-- what that statement still costs PostgreSQL is fixed per statement and per transaction, not per row: starting the
-- executor for seven tables, re-reading their CHECK constraints, the snapshot, the commit and its WAL flush, the
-- round trip (docs/benchmarks.md). bridge_bets_fast takes the common bets that arrive together (the application
-- gathers them while earlier ones are in the database: packages/api/src/domains/bridge/bet-batches.ts) and records
-- them all in one statement, one transaction, with exactly the writes bridge_bet_fast made for each.
--
-- p_bets is a JSON array of {"cmd", "debit", "template"}: the arguments bridge_bet_fast took, one object per bet.
-- The answer is an array of the same length and order: a bet's stored answer, or NULL when that bet is not the common
-- case (or is a second bet of the same player and provider in the array), with nothing written for it. The caller runs
-- bridge_bet for each NULL, with the same arguments. Each bet is still atomic: all its rows or none; a bet that is not
-- the common case never stops the others. A statement that fails on a unique key (a nonce claimed meanwhile, a
-- transaction id recorded without money) or a deadlock writes nothing, and the caller runs bridge_bet for every bet.
-- A lost connection is answered as unavailable: the studio retries, and a bet whose statement did commit before the
-- connection broke is then found by its transaction id and answered with its stored bytes.
--
-- Serialization as bridge_bet: the bridge lock of every (provider, player) first, in one order (the keys sorted),
-- so two batches never wait on each other in a cycle and a single command waits for at most one of them; then the
-- statement, whose snapshot is taken after every lock is granted.
--
-- The statement joins the bets to seven tables by their keys, and each join is right only as a lookup by the table's
-- own key. PL/pgSQL plans it once per connection and keeps the plan; planned while the tables were nearly empty (a
-- new install, before autovacuum first analyzes them), it could read a table whole, and every bet after it would grow
-- slower (seen in the bench: ten times the cost within seconds). So the function plans only index lookups, in the join
-- order written (each table looked up by what the tables before it give; searching orders would also cost more than
-- the batch). Planning the statement afresh for every batch would settle it too, at the cost of some six bets.
-- A bet already seen is looked up by its ledger key, the one index that can answer it: bridge_transaction's own key
-- shares its leading column with two other indexes, and a plan made on an empty table may take either, reading all of a
-- provider's transactions for every bet. A transaction id the bridge recorded without moving money (a refusal, a
-- rollback's tombstone, a win) passes that check and fails the statement on bridge_transaction's unique key: nothing
-- is written, and bridge_bet answers every bet of the batch.
CREATE FUNCTION bridge_bets_fast(p_bets jsonb) RETURNS text[]
LANGUAGE plpgsql
SET join_collapse_limit = 1 SET from_collapse_limit = 1
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
AS $$
DECLARE
  bodies text[];
BEGIN
  -- Volatile functions in a select list run after its sort: the locks are taken in key order.
  PERFORM pg_advisory_xact_lock(k.key)
     FROM (SELECT DISTINCT hashtextextended('bridge:' || (b->'cmd'->>'provider') || ':' || (b->'cmd'->>'playerId'), 0)
                  AS key
             FROM jsonb_array_elements(p_bets) b) k
    ORDER BY k.key;
  WITH item AS (
    SELECT b.n, b.bet->'cmd' AS cmd, b.bet->'debit' AS debit, b.bet->>'template' AS template
      FROM jsonb_array_elements(p_bets) WITH ORDINALITY AS b(bet, n)
  ), cmd AS (
    -- One bet per player and provider in a statement (its snapshot cannot see its own debits): the first; any other
    -- is answered NULL and goes through bridge_bet after this one commits.
    SELECT DISTINCT ON (provider, player_id) *
      FROM (SELECT i.n, i.cmd, i.debit, i.template, i.cmd->>'provider' AS provider, i.cmd->>'playerId' AS player_id,
                   i.cmd->>'providerTxnId' AS txn_id, (i.cmd->>'amountMinor')::bigint AS amount,
                   (i.cmd->>'now')::timestamptz AS now, coalesce((i.cmd->>'isRoundClosed')::boolean, false) AS is_closed,
                   i.debit->'txn' AS txn, i.debit->'event' AS event,
                   -- Millisecond precision, like the columns, as ledger_claim and ledger_book stamp.
                   date_trunc('milliseconds', clock_timestamp()) AS stamp
              FROM item i) bet
     ORDER BY provider, player_id, n
  ), checked AS (
    SELECT cmd.*, p.currency, g.id AS game_id, h.id AS house_id, c.exponent
      FROM cmd
      JOIN player p ON p.id = cmd.player_id
      JOIN game_provider gp ON gp.code = cmd.provider AND gp.is_enabled
      JOIN game_session s ON s.token_hash = cmd.cmd->>'tokenHash' AND s.player_id = p.id AND s.provider = cmd.provider
                         AND s.expires_at > cmd.now
      JOIN game g ON g.provider = cmd.provider AND g.external_code = cmd.cmd->>'gameCode' AND g.is_enabled
                 AND (cardinality(g.countries) = 0 OR p.country = ANY (g.countries))
      JOIN game_limit l ON l.game_id = g.id AND l.currency = p.currency
                       AND cmd.amount BETWEEN l.min_stake_minor AND l.max_stake_minor
      JOIN currency c ON c.code = p.currency AND c.is_enabled
      JOIN account h ON h.player_id IS NULL AND h.type = 'GAME_REVENUE' AND h.currency = p.currency
                    AND h.scope = cmd.provider
     WHERE cmd.amount > 0
       AND coalesce(cmd.cmd->>'currency', p.currency) = p.currency
       AND cmd.txn->>'currency' = p.currency
       AND cmd.debit->>'funding' IN ('CASH_FIRST', 'CASH_ONLY')
       AND cmd.cmd->>'wagerRefusal' IS NULL
       -- The wager-time checks through the one function that mirrors them (wager-refusal.ts), never a copy.
       AND wager_block_reason(p.id) IS NULL
       AND NOT EXISTS (SELECT 1 FROM ledger_txn t
                        WHERE t.idempotency_scope = cmd.txn->>'idempotencyScope'
                          AND t.idempotency_key = cmd.txn->>'idempotencyKey')
  ), locked AS MATERIALIZED (
    -- Both wallet rows of every bet, locked in id order as wallet_lock locks them, before any is changed.
    SELECT c.n, a.type, a.balance_minor FROM account a JOIN checked c
        ON a.player_id = c.player_id AND a.currency = c.currency AND a.scope = '' AND a.type IN ('CASH', 'BONUS')
     ORDER BY a.id FOR UPDATE OF a
  ), bonus AS (
    -- Each bet's bonus balance as locked (the answer reports it), by bet number, in one pass.
    SELECT coalesce(jsonb_object_agg(n::text, balance_minor) FILTER (WHERE type = 'BONUS'), '{}') AS by_bet FROM locked
  ), taken AS (
    -- The cash debit (never below zero: the update's own condition, re-checked on the latest row), and the bets
    -- whose cash covered the stake, with everything written below for these only. The bonus lookup, run once before
    -- the first row is changed, takes the locks first.
    UPDATE account a SET balance_minor = a.balance_minor - c.amount, version = a.version + 1
      FROM checked c
     WHERE a.player_id = c.player_id AND a.currency = c.currency AND a.scope = '' AND a.type = 'CASH'
       AND a.balance_minor >= c.amount AND (SELECT b.by_bet FROM bonus b) IS NOT NULL
    RETURNING c.*, a.id AS cash_id, a.balance_minor AS cash_after
  ), claimed AS (
    INSERT INTO ledger_txn (id, kind, player_id, currency, idempotency_scope, idempotency_key, request_hash,
                            reverses_txn_id, round_id, payment_id, grant_id, calc_ver, contract_ver, metadata, created_at)
    SELECT c.txn->>'id', (c.txn->>'kind')::ledger_kind, c.txn->>'playerId', c.txn->>'currency',
           c.txn->>'idempotencyScope', c.txn->>'idempotencyKey', c.txn->>'requestHash', c.txn->>'reversesTxnId',
           c.txn->>'roundId', c.txn->>'paymentId', c.txn->>'grantId', c.txn->>'calcVer', c.txn->>'contractVer',
           coalesce(c.txn->'metadata', '{}'::jsonb) || jsonb_build_object('funding', c.debit->>'funding'), c.stamp
      FROM taken c
  ), legs AS (
    INSERT INTO posting (txn_id, account_id, currency, amount_minor, balance_after, created_at)
    SELECT c.txn->>'id', leg.account_id, c.currency, leg.amount, leg.balance_after, c.stamp
      FROM taken c,
           LATERAL (VALUES (1, c.cash_id, -c.amount, c.cash_after), (2, c.house_id, c.amount, NULL::bigint))
             AS leg(n, account_id, amount, balance_after)
     ORDER BY c.n, leg.n
  ), event AS (
    INSERT INTO outbox_event (id, event, schema_ver, player_id, envelope, created_at)
    SELECT c.event->>'eventId', 'ledger.posted', 1, c.txn->>'playerId',
      jsonb_build_object(
        'eventId', c.event->>'eventId', 'event', 'ledger.posted', 'schemaVer', 1,
        'ts', to_char(c.stamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'playerId', c.txn->>'playerId', 'sessionId', c.event->>'sessionId', 'traceId', c.event->>'traceId',
        'geo', c.event->'geo', 'device', c.event->'device',
        'payload', jsonb_build_object(
          'txnId', c.txn->>'id', 'kind', c.txn->>'kind', 'currency', c.txn->>'currency',
          'amount', round(c.amount / (10::numeric ^ c.exponent), c.exponent)::text,
          'roundId', c.txn->>'roundId', 'paymentId', c.txn->>'paymentId', 'reversesTxnId', c.txn->>'reversesTxnId')),
      c.stamp
      FROM taken c
     ORDER BY c.n
  ), nonce AS (
    INSERT INTO bridge_nonce (provider, nonce, created_at)
    SELECT c.provider, c.cmd->>'nonce', c.now FROM taken c WHERE c.cmd->>'nonce' IS NOT NULL
  ), recorded AS (
    INSERT INTO bridge_transaction (id, provider, player_id, provider_txn_id, kind, status, provider_round_id, game_id,
      currency, amount_minor, fingerprint, ledger_txn_id, response_status, response_body, created_at, updated_at)
    SELECT c.cmd->>'id', c.provider, c.player_id, c.txn_id, 'BET', 'OK', c.cmd->>'providerRoundId', c.game_id,
           c.currency, c.amount, c.cmd->>'fingerprint', c.txn->>'id', (c.cmd->>'responseStatus')::int,
           bridge_render(c.template, jsonb_build_object('currency', c.currency, 'cashMinor', c.cash_after::text,
             'bonusMinor', coalesce((SELECT b.by_bet FROM bonus b)->>(c.n::text), '0'))),
           c.now, c.now
      FROM taken c
    RETURNING id, response_body
  ), round AS (
    INSERT INTO bridge_round (id, provider, player_id, provider_round_id, game_id, currency, status, opened_at, closed_at)
    SELECT c.cmd->>'roundId', c.provider, c.player_id, c.cmd->>'providerRoundId', c.game_id, c.currency,
           CASE WHEN c.is_closed THEN 'CLOSED' ELSE 'OPEN' END::bridge_round_status, c.now,
           CASE WHEN c.is_closed THEN c.now END
      FROM taken c
    ON CONFLICT (provider, player_id, provider_round_id) DO UPDATE SET status = 'CLOSED', closed_at = EXCLUDED.opened_at
      WHERE EXCLUDED.status = 'CLOSED' AND bridge_round.status = 'OPEN'
  ), answers AS (
    SELECT jsonb_object_agg(r.id, convert_from(r.response_body, 'UTF8')) AS by_id FROM recorded r
  )
  -- Joins between the statement's own steps go by lookups like these, never row against row: a batch costs in
  -- proportion to its bets.
  SELECT array_agg((SELECT a.by_id FROM answers a)->>(i.cmd->>'id') ORDER BY i.n) INTO bodies FROM item i;
  RETURN bodies;
END $$;

-- Superseded: a single bet is a batch of one.
DROP FUNCTION bridge_bet_fast(jsonb, jsonb, text);

-- ─── The ledger's own checks look postings up by their index, at every table size ─────────────────────────────
-- Both checks run a query per transaction on posting, the fastest-growing table. A connection plans them once and
-- keeps the plan; planned while posting was still small (a new install, or before autovacuum first analyzes it),
-- that plan reads the whole table, and every bet after it grows slower (seen in the bench: the same bets cost
-- PostgreSQL ten times more until the connections were replaced). An index lookup is right at every size.
ALTER FUNCTION ledger_check_postings() SET enable_seqscan = off;
ALTER FUNCTION ledger_assert_has_postings() SET enable_seqscan = off;
