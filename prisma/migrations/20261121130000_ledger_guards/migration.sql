-- Three guards on the ledger's own functions (found in review; none changes what a valid call books).
--
-- 1. wallet_credit: the share of a win that returns to BONUS was computed as p_amount * staked_bonus in bigint,
--    which overflows (22003) once the product passes 2^63: in USDT (6 decimals) a bonus-funded stake of 5,000
--    USDT could not be paid a win of 2,000 USDT, and the round or studio win failed on every retry. The product
--    is now taken in numeric; the result (at most p_amount) is exact and fits.
-- 2. wallet_credit: the stake a win returns to must be a BET (whose player legs only ever take money). Any other
--    transaction (a bonus conversion, BONUS -100 / CASH +60) made a "win" that took money out of cash.
-- 3. ledger_reverse: a reversal is never reversed. BET -> ROLLBACK -> REVERSAL would take a refunded stake again,
--    and callers that read ALREADY_REVERSED as "the money is back" would never return it.
-- 4. ledger_claim: an exact replay gets its first answer even after its currency was switched off (it got
--    UNKNOWN_CURRENCY, so the same key no longer gave the same answer, and a resumed adjustment was marked FAILED
--    although its money had moved). The hot path (the currency found) is unchanged.

CREATE OR REPLACE FUNCTION wallet_credit(p_txn jsonb, p_amount bigint, p_source_txn_id text, p_house_scope text, p_event jsonb, p_new_account_ids text[])
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  w record;
  house_id text;
  staked_cash bigint := 0;
  staked_bonus bigint := 0;
  to_bonus bigint := 0;
  prior jsonb;
BEGIN
  IF p_amount <= 0 THEN RAISE EXCEPTION 'INVALID_INPUT' USING ERRCODE = 'PB007', DETAIL = 'a credit must be positive'; END IF;
  house_id := ledger_account(NULL, 'GAME_REVENUE', p_txn->>'currency', p_house_scope, p_new_account_ids[3]);
  prior := ledger_claim(p_txn, p_amount, p_event);
  IF prior IS NOT NULL THEN RETURN prior; END IF;

  w := wallet_lock(p_txn->>'playerId', p_txn->>'currency', p_new_account_ids);
  IF p_source_txn_id IS NOT NULL THEN
    SELECT coalesce(-sum(p.amount_minor) FILTER (WHERE p.account_id = w.cash_id), 0),
           coalesce(-sum(p.amount_minor) FILTER (WHERE p.account_id = w.bonus_id), 0)
      INTO staked_cash, staked_bonus
      FROM posting p JOIN ledger_txn t ON t.id = p.txn_id AND t.kind = 'BET'
      WHERE p.txn_id = p_source_txn_id;
    IF staked_cash < 0 OR staked_bonus < 0 OR staked_cash + staked_bonus <= 0 THEN
      RAISE EXCEPTION 'NOT_FOUND' USING ERRCODE = 'PB003', DETAIL = format('no stake %s for this player', p_source_txn_id);
    END IF;
    -- Rounded down (the remainder goes to cash), in numeric: the product does not fit a bigint for large amounts.
    to_bonus := div(p_amount::numeric * staked_bonus, staked_cash::numeric + staked_bonus)::bigint;
  END IF;
  RETURN ledger_book(p_txn,
    ARRAY[house_id, w.cash_id, w.bonus_id], ARRAY['HOUSE', 'PLAYER', 'PLAYER']::account_owner[],
    ARRAY['GAME_REVENUE', 'CASH', 'BONUS']::account_type[], ARRAY[p_house_scope, '', ''],
    ARRAY[-p_amount, p_amount - to_bonus, to_bonus]);
END $$;

CREATE OR REPLACE FUNCTION ledger_reverse(p_txn jsonb, p_original_txn_id text, p_event jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  original record;
  prior jsonb;
  legs record;
  txn jsonb;
BEGIN
  SELECT id, player_id, currency, reverses_txn_id INTO original FROM ledger_txn WHERE id = p_original_txn_id;
  IF NOT FOUND OR (p_txn->>'playerId') IS DISTINCT FROM original.player_id THEN
    RAISE EXCEPTION 'NOT_FOUND' USING ERRCODE = 'PB003', DETAIL = format('no transaction %s for this player', p_original_txn_id);
  END IF;
  IF original.reverses_txn_id IS NOT NULL THEN
    RAISE EXCEPTION 'CONFLICT' USING ERRCODE = 'PB008',
      DETAIL = format('transaction %s is itself a reversal: it is never reversed', p_original_txn_id);
  END IF;
  SELECT array_agg(a.id ORDER BY p.id) AS accounts, array_agg(a.owner ORDER BY p.id) AS owners,
         array_agg(a.type ORDER BY p.id) AS types, array_agg(a.scope ORDER BY p.id) AS scopes,
         array_agg(-p.amount_minor ORDER BY p.id) AS amounts,
         sum(greatest(p.amount_minor, 0))::bigint AS moved
    INTO legs FROM posting p JOIN account a ON a.id = p.account_id WHERE p.txn_id = original.id;
  txn := p_txn || jsonb_build_object('currency', original.currency, 'reversesTxnId', original.id);
  prior := ledger_claim(txn, legs.moved, p_event);
  IF prior IS NOT NULL THEN RETURN prior; END IF;
  PERFORM 1 FROM account WHERE id = ANY(legs.accounts) AND owner = 'PLAYER' ORDER BY id FOR UPDATE;
  RETURN ledger_book(txn, legs.accounts, legs.owners, legs.types, legs.scopes, legs.amounts);
END $$;

CREATE OR REPLACE FUNCTION ledger_claim(p_txn jsonb, p_moved bigint, p_event jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  claimed text;
  currency_exponent int;
  stamp timestamptz := date_trunc('milliseconds', clock_timestamp());
BEGIN
  SELECT exponent INTO currency_exponent FROM currency WHERE code = p_txn->>'currency' AND is_enabled;
  IF NOT FOUND THEN
    -- A replay answers as it first did, whatever became of its currency since; only new money needs it enabled.
    IF EXISTS (SELECT 1 FROM ledger_txn WHERE idempotency_scope = p_txn->>'idempotencyScope'
                                         AND idempotency_key = p_txn->>'idempotencyKey') THEN
      RETURN ledger_replay(p_txn->>'idempotencyScope', p_txn->>'idempotencyKey', p_txn->>'requestHash');
    END IF;
    RAISE EXCEPTION 'UNKNOWN_CURRENCY' USING ERRCODE = 'PB006', DETAIL = p_txn->>'currency';
  END IF;
  INSERT INTO ledger_txn (id, kind, player_id, currency, idempotency_scope, idempotency_key, request_hash,
                          reverses_txn_id, round_id, payment_id, grant_id, calc_ver, contract_ver, metadata, created_at)
  VALUES (p_txn->>'id', (p_txn->>'kind')::ledger_kind, p_txn->>'playerId', p_txn->>'currency', p_txn->>'idempotencyScope',
          p_txn->>'idempotencyKey', p_txn->>'requestHash', p_txn->>'reversesTxnId', p_txn->>'roundId',
          p_txn->>'paymentId', p_txn->>'grantId', p_txn->>'calcVer', p_txn->>'contractVer',
          coalesce(p_txn->'metadata', '{}'::jsonb), stamp)
  ON CONFLICT (idempotency_scope, idempotency_key) DO NOTHING
  RETURNING id INTO claimed;
  IF claimed IS NULL THEN
    RETURN ledger_replay(p_txn->>'idempotencyScope', p_txn->>'idempotencyKey', p_txn->>'requestHash');
  END IF;
  IF p_event IS NOT NULL THEN
    INSERT INTO outbox_event (id, event, schema_ver, player_id, envelope, created_at)
    VALUES (p_event->>'eventId', 'ledger.posted', 1, p_txn->>'playerId',
      jsonb_build_object(
        'eventId', p_event->>'eventId', 'event', 'ledger.posted', 'schemaVer', 1,
        'ts', to_char(stamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'playerId', p_txn->>'playerId', 'sessionId', p_event->>'sessionId', 'traceId', p_event->>'traceId',
        'geo', p_event->'geo', 'device', p_event->'device',
        'payload', jsonb_build_object(
          'txnId', p_txn->>'id', 'kind', p_txn->>'kind', 'currency', p_txn->>'currency',
          -- Money as an exact decimal string, from the currency's exponent.
          'amount', round(p_moved / (10::numeric ^ currency_exponent), currency_exponent)::text,
          'roundId', p_txn->>'roundId', 'paymentId', p_txn->>'paymentId', 'reversesTxnId', p_txn->>'reversesTxnId')),
      stamp);
  END IF;
  RETURN NULL;
END $$;
