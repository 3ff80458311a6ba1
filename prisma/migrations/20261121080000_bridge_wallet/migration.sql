-- Seamless-wallet bridge commands as database functions. A studio bet, win or rollback is one statement (one round
-- trip, one database transaction) that loads what it decides on, dedupes by (provider, player, provider transaction
-- id) with the fingerprint check, honours tombstones, moves the money through the wallet functions and records the
-- transaction with its exact response bytes: the money and its record commit together or not at all.
--
-- Serialization: every command of one player with one provider first takes the same transaction-scoped advisory
-- lock (bridge_lock). A win racing a rollback of its bet, a rollback racing the bet itself, two copies of one
-- command: whatever the interleaving, they run one after the other and each sees what the previous one committed.
-- The lock lives only inside the statement (no network round trip holds it). Lock order is always bridge lock, then
-- the wallet's account rows; nothing takes them the other way round, so there is no deadlock.
--
-- Answers: the application renders the success answer ahead of the call as a template whose currency and balances are
-- slots (\x01$\x01 the player's currency; \x01<c|b|t>:<scale|m>:<places>\x01 cash, bonus or their total in units of
-- 10^-scale of the major unit, m for minor units, rounded down, with `places` decimals); bridge_render fills them
-- with the balances after the movement, and the bytes are stored and returned.
-- JSON never contains a raw \x01 (it escapes control characters), so a slot cannot be forged by a studio's field.
-- Refusals are decided here and returned; the application renders them and records the final ones with
-- bridge_record_refusal (no money moves on a refusal, so that second statement needs no atomicity with the first).
--
-- Wager-time checks: wager_block_reason mirrors the checks of domains/compliance/wager-checks.ts that are registered
-- today (account status, then betting restrictions); a test proves both answer alike. Checks registered there later
-- and not mirrored here run in the application before the call and pass their verdict in (p_cmd.wagerRefusal).

-- No foreign key from the bridge's hot tables to game_provider: checking one takes a KEY SHARE lock on the provider's
-- row, so every bet of a provider would lock (and write) that one row, serializing a studio's traffic on it: the
-- hot-row problem the ledger avoids with no posting → account key. Providers are never deleted (the trigger below),
-- and every row the functions write names the provider its command has just read.
ALTER TABLE "bridge_transaction" DROP CONSTRAINT "bridge_transaction_provider_fkey";
ALTER TABLE "bridge_round" DROP CONSTRAINT "bridge_round_provider_fkey";
CREATE FUNCTION game_provider_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'game provider % cannot be deleted: switch it off instead', OLD.code USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER game_provider_no_delete BEFORE DELETE ON "game_provider" FOR EACH ROW EXECUTE FUNCTION game_provider_refuse_delete();

-- (PL/pgSQL rather than SQL functions throughout: PostgreSQL caches a PL/pgSQL function's plans per connection, and
-- plans a non-inlined SQL function's query again on every call.)
CREATE FUNCTION bridge_lock(p_provider text, p_player_id text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('bridge:' || p_provider || ':' || p_player_id, 0));
END $$;

-- Why a player may not stake now (the reason code of compliance/wager-checks.ts), or null. NOT_FOUND: no such player.
CREATE FUNCTION wager_block_reason(p_player_id text) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
  player_status text;
  restriction text;
BEGIN
  SELECT p.status INTO player_status FROM player p WHERE p.id = p_player_id;
  IF NOT FOUND THEN RETURN 'NOT_FOUND'; END IF;
  IF player_status <> 'ACTIVE' THEN RETURN 'ACCOUNT_' || player_status; END IF;
  SELECT r.type INTO restriction FROM player_restriction r
   WHERE r.player_id = p_player_id AND r.lifted_at IS NULL AND r.type IN ('BLOCK_BETTING', 'SUSPEND', 'CLOSE')
   ORDER BY r.created_at, r.id LIMIT 1;
  RETURN 'RESTRICTED_' || restriction;
END $$;

-- A player's spendable money in one currency as every studio protocol reports it (bonus summed over its accounts).
CREATE FUNCTION bridge_balances(p_player_id text, p_currency text) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
DECLARE
  cash bigint;
  bonus bigint;
BEGIN
  SELECT coalesce(sum(a.balance_minor) FILTER (WHERE a.type = 'CASH'), 0),
         coalesce(sum(a.balance_minor) FILTER (WHERE a.type = 'BONUS'), 0)
    INTO cash, bonus
    FROM account a WHERE a.player_id = p_player_id AND a.type IN ('CASH', 'BONUS') AND a.currency = p_currency;
  RETURN jsonb_build_object('currency', p_currency, 'cashMinor', cash::text, 'bonusMinor', bonus::text);
END $$;

-- Fills a response template's slots (see the header) and returns the bytes to store and send. Split on \x01, the
-- template alternates text and slots: parts 1, 3, 5 … are text, parts 2, 4 … slots.
CREATE FUNCTION bridge_render(p_template text, p_balances jsonb) RETURNS bytea LANGUAGE plpgsql STABLE AS $$
DECLARE
  parts text[] := string_to_array(p_template, chr(1));
  cash numeric := (p_balances->>'cashMinor')::numeric;
  bonus numeric := (p_balances->>'bonusMinor')::numeric;
  currency_exponent int;
  slot text[];
  amount numeric;
  shift int;
  places int;
  digits text;
BEGIN
  IF cardinality(parts) = 1 THEN RETURN convert_to(p_template, 'UTF8'); END IF;
  SELECT c.exponent INTO currency_exponent FROM currency c WHERE c.code = p_balances->>'currency';
  FOR i IN 2 .. cardinality(parts) BY 2 LOOP
    IF parts[i] = '$' THEN
      parts[i] := p_balances->>'currency';
      CONTINUE;
    END IF;
    slot := string_to_array(parts[i], ':');
    amount := CASE slot[1] WHEN 'c' THEN cash WHEN 'b' THEN bonus WHEN 't' THEN cash + bonus END;
    shift := CASE WHEN slot[2] = 'm' THEN 0 ELSE slot[2]::int - currency_exponent END;
    places := slot[3]::int;
    IF amount IS NULL OR places IS NULL OR shift IS NULL THEN
      RAISE EXCEPTION 'INVALID_INPUT' USING ERRCODE = 'PB007', DETAIL = format('bad answer slot %s', parts[i]);
    END IF;
    -- Rounded towards zero, as bigint division does in the application (scaledText in bridge/amounts.ts).
    amount := trunc(CASE WHEN shift >= 0 THEN amount * power(10::numeric, shift) ELSE amount / power(10::numeric, -shift) END);
    digits := amount::text;
    IF places > 0 THEN
      -- lpad would cut a longer string: pad only what is shorter than one whole digit and its decimals.
      IF length(digits) <= places THEN digits := lpad(digits, places + 1, '0'); END IF;
      digits := left(digits, -places) || '.' || right(digits, places);
    END IF;
    parts[i] := digits;
  END LOOP;
  RETURN convert_to(array_to_string(parts, ''), 'UTF8');
END $$;

-- A transaction row as the application reads it (the stored answer as text: it is always UTF-8 JSON).
CREATE FUNCTION bridge_row_json(t bridge_transaction) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('id', t.id, 'kind', t.kind, 'status', t.status, 'fingerprint', t.fingerprint,
    'ledgerTxnId', t.ledger_txn_id, 'providerRoundId', t.provider_round_id, 'responseStatus', t.response_status,
    'responseBody', convert_from(t.response_body, 'UTF8'))
$$;

-- Our protocol's nonce, accepted once per provider; true when it is new (or when there is none).
CREATE FUNCTION bridge_claim_nonce(p_provider text, p_nonce text, p_now timestamptz) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF p_nonce IS NULL THEN RETURN true; END IF;
  INSERT INTO bridge_nonce (provider, nonce, created_at) VALUES (p_provider, p_nonce, p_now) ON CONFLICT DO NOTHING;
  RETURN FOUND;
END $$;

/*
 * Records a transaction and opens or closes its round (p_round: {id, providerRoundId, gameId, currency, close}, or
 * null). Returns false when the (provider, player, provider transaction id) is taken: the caller answers from it.
 */
CREATE FUNCTION bridge_insert(p_row jsonb, p_body bytea, p_round jsonb) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  stamp timestamptz := (p_row->>'now')::timestamptz;
  is_closed boolean := coalesce((p_round->>'close')::boolean, false);
BEGIN
  INSERT INTO bridge_transaction (id, provider, player_id, provider_txn_id, kind, status, provider_round_id, game_id,
    currency, amount_minor, reference_txn_id, fingerprint, ledger_txn_id, response_status, response_body, created_at,
    updated_at)
  VALUES (p_row->>'id', p_row->>'provider', p_row->>'playerId', p_row->>'providerTxnId',
          (p_row->>'kind')::bridge_txn_kind, (p_row->>'status')::bridge_txn_status, p_row->>'providerRoundId',
          p_row->>'gameId', p_row->>'currency', (p_row->>'amountMinor')::bigint, p_row->>'referenceTxnId',
          p_row->>'fingerprint', p_row->>'ledgerTxnId', (p_row->>'responseStatus')::int, p_body, stamp, stamp)
  ON CONFLICT (provider, player_id, provider_txn_id) DO NOTHING;
  IF NOT FOUND THEN RETURN false; END IF;
  IF p_round IS NOT NULL THEN
    INSERT INTO bridge_round (id, provider, player_id, provider_round_id, game_id, currency, status, opened_at, closed_at)
    VALUES (p_round->>'id', p_row->>'provider', p_row->>'playerId', p_round->>'providerRoundId', p_round->>'gameId',
            p_round->>'currency', CASE WHEN is_closed THEN 'CLOSED' ELSE 'OPEN' END::bridge_round_status, stamp,
            CASE WHEN is_closed THEN stamp END)
    ON CONFLICT (provider, player_id, provider_round_id) DO UPDATE SET status = 'CLOSED', closed_at = EXCLUDED.opened_at
      WHERE is_closed AND bridge_round.status = 'OPEN';
  END IF;
  RETURN true;
END $$;

-- The common prologue: lock, nonce, provider and player, current balances, and the transaction if seen before.
-- Returns the early answer (REPLAYED, NO_PLAYER, EXISTING) or null to go on; fills the OUT values either way.
CREATE FUNCTION bridge_begin(p_cmd jsonb, OUT early jsonb, OUT provider_enabled boolean, OUT player_id text,
                             OUT player_currency text, OUT player_country text, OUT balances jsonb)
LANGUAGE plpgsql AS $$
DECLARE
  existing bridge_transaction;
BEGIN
  PERFORM bridge_lock(p_cmd->>'provider', p_cmd->>'playerId');
  IF NOT bridge_claim_nonce(p_cmd->>'provider', p_cmd->>'nonce', (p_cmd->>'now')::timestamptz) THEN
    early := jsonb_build_object('outcome', 'REPLAYED');
    RETURN;
  END IF;
  SELECT is_enabled INTO provider_enabled FROM game_provider WHERE code = p_cmd->>'provider';
  SELECT p.id, p.currency, p.country INTO player_id, player_currency, player_country FROM player p
   WHERE p.id = p_cmd->>'playerId';
  IF provider_enabled IS NULL OR player_id IS NULL THEN
    early := jsonb_build_object('outcome', 'NO_PLAYER');
    RETURN;
  END IF;
  balances := bridge_balances(player_id, player_currency);
  SELECT * INTO existing FROM bridge_transaction t
   WHERE t.provider = p_cmd->>'provider' AND t.player_id = bridge_begin.player_id
     AND t.provider_txn_id = p_cmd->>'providerTxnId';
  IF FOUND THEN
    early := jsonb_build_object('outcome', 'EXISTING', 'row', bridge_row_json(existing), 'balances', balances);
  END IF;
END $$;

-- Records the command's own row (OK) and answers with the rendered template. The row's key was free under the lock.
CREATE FUNCTION bridge_finish(p_row jsonb, p_template text, p_round jsonb, p_balances jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  body bytea := bridge_render(p_template, p_balances);
BEGIN
  IF NOT bridge_insert(p_row, body, p_round) THEN
    RAISE EXCEPTION 'CONFLICT' USING ERRCODE = 'PB008',
      DETAIL = format('bridge transaction %s was recorded concurrently', p_row->>'providerTxnId');
  END IF;
  RETURN jsonb_build_object('outcome', 'OK', 'body', convert_from(body, 'UTF8'), 'balances', p_balances);
END $$;

/*
 * A studio bet. p_cmd: {id, provider, playerId, providerTxnId, providerRoundId, gameCode, currency (null: the
 * wallet's), amountMinor, tokenHash, isRoundClosed, fingerprint, roundId, now, nonce, responseStatus, wagerRefusal};
 * p_debit: {txn, event, funding} for wallet_debit (null for a zero stake). Returns {outcome: OK, body} |
 * {outcome: REFUSED, refusal, balances, gameId} | {outcome: EXISTING, row, balances} | {outcome: NO_PLAYER | REPLAYED}.
 * The refusals in order: token, expiry, currency, game (kill switch, enabled, limits, country), stake limits,
 * wager-time checks, funds. A debit that still finds too little money raises INSUFFICIENT_FUNDS and leaves nothing.
 */
CREATE FUNCTION bridge_bet(p_cmd jsonb, p_debit jsonb, p_template text, p_new_account_ids text[]) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  b record;
  amount bigint := (p_cmd->>'amountMinor')::bigint;
  found_session record;
  found_game record;
  stake_limit record;
  reason text;
  refusal text;
  debit jsonb;
BEGIN
  b := bridge_begin(p_cmd);
  IF b.early IS NOT NULL THEN RETURN b.early; END IF;
  SELECT s.player_id, s.provider, s.expires_at INTO found_session FROM game_session s WHERE s.token_hash = p_cmd->>'tokenHash';
  SELECT g.id, g.is_enabled, g.countries INTO found_game FROM game g
   WHERE g.provider = p_cmd->>'provider' AND g.external_code = p_cmd->>'gameCode';
  SELECT l.min_stake_minor, l.max_stake_minor INTO stake_limit FROM game_limit l
   WHERE l.game_id = found_game.id AND l.currency = b.player_currency;
  refusal := CASE
    WHEN found_session.player_id IS DISTINCT FROM b.player_id OR found_session.provider IS DISTINCT FROM p_cmd->>'provider' THEN 'INVALID_TOKEN'
    WHEN found_session.expires_at <= (p_cmd->>'now')::timestamptz THEN 'TOKEN_EXPIRED'
    WHEN p_cmd->>'currency' IS NOT NULL AND p_cmd->>'currency' <> b.player_currency THEN 'WRONG_CURRENCY'
    WHEN NOT b.provider_enabled OR found_game.id IS NULL OR NOT found_game.is_enabled OR stake_limit.min_stake_minor IS NULL THEN 'UNKNOWN_GAME'
    WHEN cardinality(found_game.countries) > 0 AND NOT b.player_country = ANY(found_game.countries) THEN 'UNKNOWN_GAME'
    WHEN amount > 0 AND (amount < stake_limit.min_stake_minor OR amount > stake_limit.max_stake_minor) THEN 'BET_OUT_OF_LIMITS'
  END;
  IF refusal IS NULL THEN
    reason := wager_block_reason(b.player_id);
    -- As place-bet.ts maps a WAGER_BLOCKED reason: account status and staff restrictions disable the user.
    refusal := CASE
      WHEN reason IS NULL THEN p_cmd->>'wagerRefusal'
      WHEN reason = 'NOT_FOUND' THEN 'PLAYER_NOT_FOUND'
      WHEN starts_with(reason, 'ACCOUNT_') OR starts_with(reason, 'RESTRICTED_') THEN 'USER_DISABLED'
      ELSE 'LIMIT_REACHED'
    END;
  END IF;
  IF refusal IS NULL AND amount > 0
     AND (b.balances->>'cashMinor')::bigint + (b.balances->>'bonusMinor')::bigint < amount THEN
    refusal := 'NOT_ENOUGH_MONEY';
  END IF;
  IF refusal IS NOT NULL THEN
    RETURN jsonb_build_object('outcome', 'REFUSED', 'refusal', refusal, 'balances', b.balances, 'gameId', found_game.id);
  END IF;

  IF amount > 0 THEN
    IF p_debit->'txn'->>'currency' IS DISTINCT FROM b.player_currency THEN
      RAISE EXCEPTION 'CONFLICT' USING ERRCODE = 'PB008', DETAIL = 'the stake is not in the wallet currency';
    END IF;
    debit := wallet_debit(p_debit->'txn', amount, p_debit->>'funding', p_cmd->>'provider', p_debit->'event',
                          p_new_account_ids);
    b.balances := bridge_balances(b.player_id, b.player_currency);
  END IF;
  RETURN bridge_finish(
    jsonb_build_object('id', p_cmd->>'id', 'provider', p_cmd->>'provider', 'playerId', b.player_id,
      'providerTxnId', p_cmd->>'providerTxnId', 'kind', 'BET', 'status', 'OK',
      'providerRoundId', p_cmd->>'providerRoundId', 'gameId', found_game.id,
      'currency', coalesce(p_cmd->>'currency', b.player_currency), 'amountMinor', amount,
      'fingerprint', p_cmd->>'fingerprint', 'ledgerTxnId', debit->>'txnId',
      'responseStatus', p_cmd->'responseStatus', 'now', p_cmd->'now'),
    p_template,
    jsonb_build_object('id', p_cmd->>'roundId', 'providerRoundId', p_cmd->>'providerRoundId', 'gameId', found_game.id,
      'currency', b.player_currency, 'close', coalesce((p_cmd->>'isRoundClosed')::boolean, false)),
    b.balances);
END $$;

/*
 * A studio win, accepted whatever the session's age, the player's status or the kill switch. p_cmd: {id, provider,
 * playerId, providerTxnId, providerRoundId, gameCode, currency, amountMinor, referenceTxnId, isRoundClosed,
 * fingerprint, roundId, now, nonce, responseStatus}; p_credit: {txn, event} for wallet_credit (null for zero). The
 * win pays the named bet (or the round's first bet still taken) back to its sources; a rolled-back bet is refused.
 */
CREATE FUNCTION bridge_win(p_cmd jsonb, p_credit jsonb, p_template text, p_new_account_ids text[]) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  b record;
  amount bigint := (p_cmd->>'amountMinor')::bigint;
  reference text := p_cmd->>'referenceTxnId';
  round_id text := p_cmd->>'providerRoundId';
  game_id text;
  paid_bet bridge_transaction;
  source_txn_id text;
  refusal text;
  credit jsonb;
BEGIN
  b := bridge_begin(p_cmd);
  IF b.early IS NOT NULL THEN RETURN b.early; END IF;
  IF p_cmd->>'gameCode' IS NOT NULL THEN
    SELECT g.id INTO game_id FROM game g WHERE g.provider = p_cmd->>'provider' AND g.external_code = p_cmd->>'gameCode';
  END IF;
  IF p_cmd->>'currency' IS NOT NULL AND p_cmd->>'currency' <> b.player_currency THEN
    refusal := 'WRONG_CURRENCY';
  ELSIF p_cmd->>'gameCode' IS NOT NULL AND game_id IS NULL THEN
    refusal := 'UNKNOWN_GAME';
  ELSIF reference IS NOT NULL THEN
    SELECT * INTO paid_bet FROM bridge_transaction t
     WHERE t.provider = p_cmd->>'provider' AND t.player_id = b.player_id AND t.provider_txn_id = reference;
    refusal := CASE
      WHEN paid_bet.id IS NULL OR paid_bet.kind <> 'BET' THEN 'TRANSACTION_NOT_FOUND'
      WHEN paid_bet.status IN ('TOMBSTONE', 'ROLLED_BACK') THEN 'TRANSACTION_ROLLED_BACK'
      WHEN paid_bet.status <> 'OK' THEN 'TRANSACTION_NOT_FOUND'
    END;
    source_txn_id := paid_bet.ledger_txn_id;
  ELSIF round_id IS NOT NULL THEN
    -- The round's first bet still taken; a round whose bets were all rolled back pays nothing.
    SELECT t.ledger_txn_id INTO source_txn_id FROM bridge_transaction t
     WHERE t.provider = p_cmd->>'provider' AND t.player_id = b.player_id AND t.provider_round_id = round_id
       AND t.kind = 'BET' AND t.status = 'OK'
     ORDER BY t.created_at, t.id LIMIT 1;
    IF NOT FOUND AND EXISTS (SELECT 1 FROM bridge_transaction t
                              WHERE t.provider = p_cmd->>'provider' AND t.player_id = b.player_id
                                AND t.provider_round_id = round_id AND t.kind = 'BET'
                                AND t.status IN ('TOMBSTONE', 'ROLLED_BACK')) THEN
      refusal := 'TRANSACTION_ROLLED_BACK';
    END IF;
  END IF;
  IF refusal IS NOT NULL THEN
    RETURN jsonb_build_object('outcome', 'REFUSED', 'refusal', refusal, 'balances', b.balances, 'gameId', game_id);
  END IF;

  IF amount > 0 THEN
    IF p_credit->'txn'->>'currency' IS DISTINCT FROM b.player_currency THEN
      RAISE EXCEPTION 'CONFLICT' USING ERRCODE = 'PB008', DETAIL = 'the win is not in the wallet currency';
    END IF;
    credit := wallet_credit(p_credit->'txn', amount, source_txn_id, p_cmd->>'provider', p_credit->'event',
                            p_new_account_ids);
    b.balances := bridge_balances(b.player_id, b.player_currency);
  END IF;
  RETURN bridge_finish(
    jsonb_build_object('id', p_cmd->>'id', 'provider', p_cmd->>'provider', 'playerId', b.player_id,
      'providerTxnId', p_cmd->>'providerTxnId', 'kind', 'WIN', 'status', 'OK', 'providerRoundId', round_id,
      'gameId', game_id, 'currency', coalesce(p_cmd->>'currency', b.player_currency), 'amountMinor', amount,
      'referenceTxnId', reference, 'fingerprint', p_cmd->>'fingerprint', 'ledgerTxnId', credit->>'txnId',
      'responseStatus', p_cmd->'responseStatus', 'now', p_cmd->'now'),
    p_template,
    CASE WHEN round_id IS NOT NULL THEN
      jsonb_build_object('id', p_cmd->>'roundId', 'providerRoundId', round_id, 'gameId', game_id,
        'currency', b.player_currency, 'close', coalesce((p_cmd->>'isRoundClosed')::boolean, false))
    END,
    b.balances);
END $$;

/*
 * A studio rollback of the transaction it references (a bet, or a win where the studio rolls wins back), accepted
 * whatever the token or the player's status. p_cmd: {id, tombstoneId, provider, playerId, providerTxnId,
 * referenceTxnId, providerRoundId, isRoundClosed, fingerprint, roundId, now, nonce, responseStatus}; p_reverse:
 * {txn, event} for ledger_reverse (its key is per referenced transaction, so two rollbacks of one bet reverse it once).
 * A reference not seen yet gets a tombstone, so a late bet with it moves no money; money that moved under it without a
 * record (a crash between ledger and record in an older version) is found by its ledger key and reversed. Reversing
 * a win whose money was spent raises INSUFFICIENT_FUNDS and leaves nothing (not even the tombstone).
 */
CREATE FUNCTION bridge_rollback(p_cmd jsonb, p_reverse jsonb, p_template text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  b record;
  reference text := p_cmd->>'referenceTxnId';
  round_id text := p_cmd->>'providerRoundId';
  scope text;
  target bridge_transaction;
  original_txn_id text;
  reversal jsonb;
  is_unrecorded boolean := false;
BEGIN
  b := bridge_begin(p_cmd);
  IF b.early IS NOT NULL THEN RETURN b.early; END IF;
  scope := 'bridge:' || (p_cmd->>'provider') || ':' || b.player_id;
  SELECT * INTO target FROM bridge_transaction t
   WHERE t.provider = p_cmd->>'provider' AND t.player_id = b.player_id AND t.provider_txn_id = reference;
  IF target.kind = 'ROLLBACK' THEN
    RETURN jsonb_build_object('outcome', 'REFUSED', 'refusal', 'TRANSACTION_NOT_FOUND', 'balances', b.balances);
  END IF;
  IF target.id IS NULL THEN
    INSERT INTO bridge_transaction (id, provider, player_id, provider_txn_id, kind, status, provider_round_id,
                                    created_at, updated_at)
    VALUES (p_cmd->>'tombstoneId', p_cmd->>'provider', b.player_id, reference, 'BET', 'TOMBSTONE', round_id,
            (p_cmd->>'now')::timestamptz, (p_cmd->>'now')::timestamptz);
  END IF;
  IF target.id IS NULL OR target.status = 'TOMBSTONE' THEN
    SELECT l.id INTO original_txn_id FROM ledger_txn l
     WHERE l.idempotency_scope = scope AND l.idempotency_key IN ('bet:' || reference, 'win:' || reference)
     ORDER BY l.idempotency_key = 'bet:' || reference DESC LIMIT 1;
    is_unrecorded := original_txn_id IS NOT NULL;
  ELSIF target.status = 'OK' THEN
    original_txn_id := target.ledger_txn_id;
  END IF;
  IF original_txn_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ledger_txn l WHERE l.reverses_txn_id = original_txn_id) THEN
    reversal := ledger_reverse(p_reverse->'txn', original_txn_id, p_reverse->'event');
  END IF;
  IF target.status = 'OK' THEN
    UPDATE bridge_transaction SET status = 'ROLLED_BACK', reversal_txn_id = reversal->>'txnId',
                                  updated_at = (p_cmd->>'now')::timestamptz
     WHERE id = target.id;
  END IF;
  IF reversal IS NOT NULL THEN b.balances := bridge_balances(b.player_id, b.player_currency); END IF;
  RETURN bridge_finish(
    jsonb_build_object('id', p_cmd->>'id', 'provider', p_cmd->>'provider', 'playerId', b.player_id,
      'providerTxnId', p_cmd->>'providerTxnId', 'kind', 'ROLLBACK', 'status', 'OK', 'providerRoundId', round_id,
      'currency', b.player_currency, 'referenceTxnId', reference, 'fingerprint', p_cmd->>'fingerprint',
      'responseStatus', p_cmd->'responseStatus', 'now', p_cmd->'now'),
    p_template,
    CASE WHEN round_id IS NOT NULL AND coalesce((p_cmd->>'isRoundClosed')::boolean, false) THEN
      jsonb_build_object('id', p_cmd->>'roundId', 'providerRoundId', round_id, 'currency', b.player_currency,
        'close', true)
    END,
    b.balances) || jsonb_build_object('reversedUnrecorded', CASE WHEN is_unrecorded AND reversal IS NOT NULL THEN original_txn_id END);
END $$;

/*
 * Records a final refusal with the answer the application rendered for it, under the same lock as the commands.
 * Returns {inserted: true}, or {inserted: false, row, balances} when the transaction id was taken meanwhile (the
 * caller answers from that row). p_row as for bridge_insert, plus the nonce the refused request carried.
 */
CREATE FUNCTION bridge_record_refusal(p_row jsonb, p_body bytea) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  existing bridge_transaction;
  player_currency text;
BEGIN
  PERFORM bridge_lock(p_row->>'provider', p_row->>'playerId');
  -- Claimed already unless the command raised (its statement rolled back); a second claim is ours, not a replay.
  PERFORM bridge_claim_nonce(p_row->>'provider', p_row->>'nonce', (p_row->>'now')::timestamptz);
  IF bridge_insert(p_row, p_body, NULL) THEN RETURN jsonb_build_object('inserted', true); END IF;
  SELECT * INTO existing FROM bridge_transaction t
   WHERE t.provider = p_row->>'provider' AND t.player_id = p_row->>'playerId' AND t.provider_txn_id = p_row->>'providerTxnId';
  SELECT currency INTO player_currency FROM player WHERE id = p_row->>'playerId';
  RETURN jsonb_build_object('inserted', false, 'row', bridge_row_json(existing),
                            'balances', bridge_balances(p_row->>'playerId', player_currency));
END $$;
