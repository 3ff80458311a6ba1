-- The hot path, leaner: what a studio bet (and every wallet bet) pays for and no longer needs. Each change was
-- measured in instructions per bet with callgrind on a single backend (docs/benchmarks.md has the method and the
-- figures); in PostgreSQL each statement, each foreign-key check and each CHECK constraint re-read from its stored
-- text costs about as much as a row written, so the invariants stay in the database, checked where they are cheap.

-- ─── bridge rows → player: no foreign key ─────────────────────────────────────────────────────────────────
-- The key check ran a query and took a KEY SHARE lock on the player's row (a write) for every studio bet, win
-- and rollback, twice (the transaction and its round). Players are never deleted (the trigger below; closing an
-- account is a status), and every bridge row names the player its command has just read under the bridge lock.
ALTER TABLE "bridge_transaction" DROP CONSTRAINT "bridge_transaction_player_id_fkey";
ALTER TABLE "bridge_round" DROP CONSTRAINT "bridge_round_player_id_fkey";
CREATE FUNCTION player_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'player % cannot be deleted: close the account instead', OLD.id USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER player_no_delete BEFORE DELETE ON "player" FOR EACH ROW EXECUTE FUNCTION player_refuse_delete();

-- ─── posting → ledger_txn: checked per statement instead of by a foreign key ──────────────────────────────
-- The foreign key ran a query and took a KEY SHARE lock (a write to the transaction's row) for every posting:
-- measured, a fifth of a bet's instructions. The posting trigger now checks, once per transaction a statement
-- writes, that the transaction exists; ledger_txn rows are never updated or deleted (ledger_refuse_change), so
-- nothing the lock protected can happen. The balance check reads only the statement's own postings: every
-- statement must leave each (transaction, currency) it touches summing to zero, so sums stay zero whatever is
-- added later, and a zero sum of non-zero amounts (posting_amount_not_zero) has at least two postings.
ALTER TABLE "posting" DROP CONSTRAINT "posting_txn_id_fkey";
CREATE OR REPLACE FUNCTION ledger_check_postings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  -- One row per (transaction, currency) written; the existence check is an index probe per row, never a join
  -- the planner could turn into a scan of ledger_txn (it knows nothing of a transition table's size).
  FOR r IN SELECT txn_id, currency, sum(amount_minor) AS total FROM new_postings GROUP BY txn_id, currency LOOP
    IF r.total <> 0 THEN
      RAISE EXCEPTION 'UNBALANCED_TRANSFER' USING ERRCODE = 'PB004', DETAIL = format('postings of transaction %s do not balance', r.txn_id);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM ledger_txn WHERE id = r.txn_id) THEN
      RAISE EXCEPTION 'posting for unknown transaction %', r.txn_id
        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'posting_txn_id_fkey';
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

-- ─── account: identity checked once, at insert ────────────────────────────────────────────────────────────
-- A CHECK constraint is re-read from its stored text on every statement that writes the table, and every bet
-- updates a player balance: the two checks on who owns an account of which type cost more than the update
-- itself. Owner, player, type, currency and scope never change after an account is created, so they are checked
-- at insert and frozen afterwards by one trigger that fires only when a statement names those columns (a
-- balance update does not). The balance checks stay constraints: the balance is what updates change.
ALTER TABLE "account" DROP CONSTRAINT "account_owner_matches_player", DROP CONSTRAINT "account_owner_matches_type";
CREATE FUNCTION account_identity_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (NEW.owner, NEW.player_id, NEW.type, NEW.currency, NEW.scope) IS DISTINCT FROM
       (OLD.owner, OLD.player_id, OLD.type, OLD.currency, OLD.scope) THEN
      RAISE EXCEPTION 'account % cannot change owner, player, type, currency or scope', OLD.id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'account_identity_frozen';
    END IF;
    RETURN NEW;
  END IF;
  IF (NEW.owner = 'PLAYER') IS DISTINCT FROM (NEW.player_id IS NOT NULL) THEN
    RAISE EXCEPTION 'a player account names its player, a house account none'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'account_owner_matches_player';
  END IF;
  IF NOT ((NEW.owner = 'PLAYER' AND NEW.type IN ('CASH', 'BONUS', 'WITHDRAWAL_PENDING'))
          OR (NEW.owner = 'HOUSE' AND NEW.type IN ('GAME_REVENUE', 'PSP_CLEARING', 'BONUS_COST', 'MANUAL_ADJUSTMENT'))) THEN
    RAISE EXCEPTION 'a % account cannot be of type %', NEW.owner, NEW.type
      USING ERRCODE = 'check_violation', CONSTRAINT = 'account_owner_matches_type';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER account_identity BEFORE INSERT OR UPDATE OF owner, player_id, type, currency, scope ON "account"
  FOR EACH ROW EXECUTE FUNCTION account_identity_guard();

-- ─── bridge_bet: one read, one record ─────────────────────────────────────────────────────────────────────
-- The same decisions, in the same order, as the bet of migration 20261121080000_bridge_wallet, with fewer
-- statements: in PL/pgSQL each statement and each nested function call pays for its own executor start, so the
-- prologue's eight lookups (provider, player, balances, the transaction seen before, session, game, stake limits)
-- are now one query, the record is written here rather than through jsonb handed to bridge_finish/bridge_insert,
-- and the balances after the debit are read once. Win and rollback keep the shared helpers.
CREATE OR REPLACE FUNCTION bridge_bet(p_cmd jsonb, p_debit jsonb, p_template text, p_new_account_ids text[]) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_provider text := p_cmd->>'provider';
  v_player_id text := p_cmd->>'playerId';
  v_txn_id text := p_cmd->>'providerTxnId';
  v_currency text := p_cmd->>'currency';
  v_now timestamptz := (p_cmd->>'now')::timestamptz;
  v_nonce text := p_cmd->>'nonce';
  amount bigint := (p_cmd->>'amountMinor')::bigint;
  is_closed boolean := coalesce((p_cmd->>'isRoundClosed')::boolean, false);
  s record;
  balances jsonb;
  refusal text;
  debit jsonb;
  body bytea;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('bridge:' || v_provider || ':' || v_player_id, 0));
  IF v_nonce IS NOT NULL THEN
    INSERT INTO bridge_nonce (provider, nonce, created_at) VALUES (v_provider, v_nonce, v_now) ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'REPLAYED'); END IF;
  END IF;
  SELECT gp.is_enabled AS provider_enabled, p.id AS player_id, p.currency, p.country,
         sess.player_id AS session_player_id, sess.provider AS session_provider, sess.expires_at,
         g.id AS game_id, g.is_enabled AS game_enabled, g.countries, l.min_stake_minor, l.max_stake_minor,
         CASE WHEN p.id IS NOT NULL THEN bridge_balances(p.id, p.currency) END AS balances,
         (SELECT bridge_row_json(t) FROM bridge_transaction t
           WHERE t.provider = v_provider AND t.player_id = v_player_id AND t.provider_txn_id = v_txn_id) AS existing
    INTO s
    FROM (SELECT 1) AS one
    LEFT JOIN game_provider gp ON gp.code = v_provider
    LEFT JOIN player p ON p.id = v_player_id
    LEFT JOIN game_session sess ON sess.token_hash = p_cmd->>'tokenHash'
    LEFT JOIN game g ON g.provider = v_provider AND g.external_code = p_cmd->>'gameCode'
    LEFT JOIN game_limit l ON l.game_id = g.id AND l.currency = p.currency;
  IF s.provider_enabled IS NULL OR s.player_id IS NULL THEN RETURN jsonb_build_object('outcome', 'NO_PLAYER'); END IF;
  balances := s.balances;
  IF s.existing IS NOT NULL THEN
    RETURN jsonb_build_object('outcome', 'EXISTING', 'row', s.existing, 'balances', balances);
  END IF;

  refusal := CASE
    WHEN s.session_player_id IS DISTINCT FROM s.player_id OR s.session_provider IS DISTINCT FROM v_provider THEN 'INVALID_TOKEN'
    WHEN s.expires_at <= v_now THEN 'TOKEN_EXPIRED'
    WHEN v_currency IS NOT NULL AND v_currency <> s.currency THEN 'WRONG_CURRENCY'
    WHEN NOT s.provider_enabled OR s.game_id IS NULL OR NOT s.game_enabled OR s.min_stake_minor IS NULL THEN 'UNKNOWN_GAME'
    WHEN cardinality(s.countries) > 0 AND NOT s.country = ANY(s.countries) THEN 'UNKNOWN_GAME'
    WHEN amount > 0 AND (amount < s.min_stake_minor OR amount > s.max_stake_minor) THEN 'BET_OUT_OF_LIMITS'
  END;
  IF refusal IS NULL THEN
    -- The player exists (read above, under the lock; players are never deleted), so the reason is an account
    -- status or a staff restriction, both of which disable the user (refusalOfWagerBlock in wager-refusal.ts).
    refusal := CASE WHEN wager_block_reason(s.player_id) IS NULL THEN p_cmd->>'wagerRefusal' ELSE 'USER_DISABLED' END;
  END IF;
  IF refusal IS NULL AND amount > 0
     AND (balances->>'cashMinor')::bigint + (balances->>'bonusMinor')::bigint < amount THEN
    refusal := 'NOT_ENOUGH_MONEY';
  END IF;
  IF refusal IS NOT NULL THEN
    RETURN jsonb_build_object('outcome', 'REFUSED', 'refusal', refusal, 'balances', balances, 'gameId', s.game_id);
  END IF;

  IF amount > 0 THEN
    IF p_debit->'txn'->>'currency' IS DISTINCT FROM s.currency THEN
      RAISE EXCEPTION 'CONFLICT' USING ERRCODE = 'PB008', DETAIL = 'the stake is not in the wallet currency';
    END IF;
    debit := wallet_debit(p_debit->'txn', amount, p_debit->>'funding', v_provider, p_debit->'event', p_new_account_ids);
    -- The player's accounts are locked by the debit until commit: these are the balances the answer reports.
    balances := bridge_balances(s.player_id, s.currency);
  END IF;

  body := bridge_render(p_template, balances);
  INSERT INTO bridge_transaction (id, provider, player_id, provider_txn_id, kind, status, provider_round_id, game_id,
    currency, amount_minor, fingerprint, ledger_txn_id, response_status, response_body, created_at, updated_at)
  VALUES (p_cmd->>'id', v_provider, s.player_id, v_txn_id, 'BET', 'OK', p_cmd->>'providerRoundId', s.game_id,
          coalesce(v_currency, s.currency), amount, p_cmd->>'fingerprint', debit->>'txnId',
          (p_cmd->>'responseStatus')::int, body, v_now, v_now)
  ON CONFLICT (provider, player_id, provider_txn_id) DO NOTHING;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'CONFLICT' USING ERRCODE = 'PB008', DETAIL = format('bridge transaction %s was recorded concurrently', v_txn_id);
  END IF;
  INSERT INTO bridge_round (id, provider, player_id, provider_round_id, game_id, currency, status, opened_at, closed_at)
  VALUES (p_cmd->>'roundId', v_provider, s.player_id, p_cmd->>'providerRoundId', s.game_id, s.currency,
          CASE WHEN is_closed THEN 'CLOSED' ELSE 'OPEN' END::bridge_round_status, v_now, CASE WHEN is_closed THEN v_now END)
  ON CONFLICT (provider, player_id, provider_round_id) DO UPDATE SET status = 'CLOSED', closed_at = EXCLUDED.opened_at
    WHERE is_closed AND bridge_round.status = 'OPEN';
  RETURN jsonb_build_object('outcome', 'OK', 'body', convert_from(body, 'UTF8'));
END $$;
