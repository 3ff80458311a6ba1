-- Money core: accounts, append-only double-entry ledger, outbox, tamper evidence.
-- The invariants live here, in the database, so no code path (or hand-written SQL) can break them:
--   * posting / ledger_txn / posting_seal rows are never updated or deleted (triggers);
--   * a transaction's postings sum to zero per currency, with at least two postings (statement trigger on
--     posting, deferred trigger on ledger_txn);
--   * a player account balance is never negative (check constraint);
--   * an idempotency key is unique in its scope (unique index);
--   * accounts are never deleted (a posting's account and currency are verified by reconcileLedger).
-- Money commands are functions: one round trip per command, the player's row lock held only inside.

CREATE TYPE "account_owner" AS ENUM ('PLAYER', 'HOUSE');
CREATE TYPE "account_type" AS ENUM ('CASH', 'BONUS', 'WITHDRAWAL_PENDING', 'GAME_REVENUE', 'PSP_CLEARING', 'BONUS_COST', 'MANUAL_ADJUSTMENT');
CREATE TYPE "ledger_kind" AS ENUM ('DEPOSIT', 'BET', 'WIN', 'ROLLBACK', 'WITHDRAWAL_HOLD', 'WITHDRAWAL_PAYOUT', 'WITHDRAWAL_RELEASE', 'BONUS_GRANT', 'BONUS_CONVERT', 'BONUS_FORFEIT', 'ADJUSTMENT', 'REVERSAL');

CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "owner" "account_owner" NOT NULL,
    "player_id" TEXT,
    "type" "account_type" NOT NULL,
    "currency" VARCHAR(8) NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "balance_minor" BIGINT,
    "version" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "account_pkey" PRIMARY KEY ("id"),
    -- Invariant 3: no negative player balance, whatever the concurrency.
    CONSTRAINT "account_player_balance_not_negative" CHECK ("owner" = 'HOUSE' OR "balance_minor" >= 0),
    -- Player accounts project their balance; house balances are derived from postings (never a hot row).
    CONSTRAINT "account_balance_projection" CHECK (("owner" = 'PLAYER') = ("balance_minor" IS NOT NULL)),
    CONSTRAINT "account_owner_matches_player" CHECK (("owner" = 'PLAYER') = ("player_id" IS NOT NULL)),
    CONSTRAINT "account_owner_matches_type" CHECK (
        ("owner" = 'PLAYER' AND "type" IN ('CASH', 'BONUS', 'WITHDRAWAL_PENDING'))
        OR ("owner" = 'HOUSE' AND "type" IN ('GAME_REVENUE', 'PSP_CLEARING', 'BONUS_COST', 'MANUAL_ADJUSTMENT')))
);
CREATE UNIQUE INDEX "account_player_id_type_currency_scope_key" ON "account"("player_id", "type", "currency", "scope") NULLS NOT DISTINCT;
ALTER TABLE "account" ADD CONSTRAINT "account_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "account" ADD CONSTRAINT "account_currency_fkey" FOREIGN KEY ("currency") REFERENCES "currency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ledger_txn" (
    "id" TEXT NOT NULL,
    "kind" "ledger_kind" NOT NULL,
    "player_id" TEXT,
    "currency" VARCHAR(8) NOT NULL,
    "idempotency_scope" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "reverses_txn_id" TEXT,
    "round_id" TEXT,
    "payment_id" TEXT,
    "grant_id" TEXT,
    "calc_ver" TEXT,
    "contract_ver" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_txn_pkey" PRIMARY KEY ("id")
);
-- Invariant 4: exactly once per idempotency key in its scope.
CREATE UNIQUE INDEX "ledger_txn_idempotency_scope_idempotency_key_key" ON "ledger_txn"("idempotency_scope", "idempotency_key");
-- A transaction is reversed at most once.
CREATE UNIQUE INDEX "ledger_txn_reverses_txn_id_key" ON "ledger_txn"("reverses_txn_id");
CREATE INDEX "ledger_txn_player_id_created_at_idx" ON "ledger_txn"("player_id", "created_at");
CREATE INDEX "ledger_txn_round_id_idx" ON "ledger_txn"("round_id");
CREATE INDEX "ledger_txn_payment_id_idx" ON "ledger_txn"("payment_id");
ALTER TABLE "ledger_txn" ADD CONSTRAINT "ledger_txn_reverses_txn_id_fkey" FOREIGN KEY ("reverses_txn_id") REFERENCES "ledger_txn"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

CREATE TABLE "posting" (
    "id" BIGSERIAL NOT NULL,
    "txn_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "currency" VARCHAR(8) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "balance_after" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "posting_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "posting_amount_not_zero" CHECK ("amount_minor" <> 0)
);
CREATE INDEX "posting_account_id_id_idx" ON "posting"("account_id", "id");
CREATE INDEX "posting_txn_id_idx" ON "posting"("txn_id");
ALTER TABLE "posting" ADD CONSTRAINT "posting_txn_id_fkey" FOREIGN KEY ("txn_id") REFERENCES "ledger_txn"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
-- No foreign key from posting to account, on purpose: its KEY SHARE lock on the referenced row would make the
-- house account (referenced by every bet) a hot row after all. The functions only post to accounts they have
-- just read, accounts can never be deleted, and reconcileLedger reports any posting whose account is missing
-- or in another currency.

CREATE TABLE "posting_seal" (
    "posting_id" BIGINT NOT NULL,
    "chain_hash" TEXT NOT NULL,
    CONSTRAINT "posting_seal_pkey" PRIMARY KEY ("posting_id")
);

CREATE TABLE "outbox_event" (
    "id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "schema_ver" INTEGER NOT NULL,
    "player_id" TEXT,
    "envelope" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "outbox_event_published_at_id_idx" ON "outbox_event"("published_at", "id");

-- ─── Invariant 2: append-only ──────────────────────────────────────────────────────────────────────────
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'APPEND_ONLY' USING ERRCODE = 'PB009',
    DETAIL = format('%s on %s is refused: ledger rows are append-only; post a reversing transaction', TG_OP, TG_TABLE_NAME);
END $$;

CREATE TRIGGER ledger_txn_append_only BEFORE UPDATE OR DELETE ON "ledger_txn" FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_txn_no_truncate BEFORE TRUNCATE ON "ledger_txn" FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER posting_append_only BEFORE UPDATE OR DELETE ON "posting" FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER posting_no_truncate BEFORE TRUNCATE ON "posting" FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER posting_seal_append_only BEFORE UPDATE OR DELETE ON "posting_seal" FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER posting_seal_no_truncate BEFORE TRUNCATE ON "posting_seal" FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
-- Accounts keep their projected balance current, but are never deleted.
CREATE TRIGGER account_no_delete BEFORE DELETE ON "account" FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER account_no_truncate BEFORE TRUNCATE ON "account" FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- ─── Invariant 1: double entry ─────────────────────────────────────────────────────────────────────────
-- Postings of a transaction are written in one INSERT statement, checked once per statement: every
-- transaction touched now has at least two postings that sum to zero per currency (so a posting slipped into
-- a committed transaction later cannot unbalance it either). That each posting's account exists in its
-- currency is left to reconcileLedger (orphanPostings): checking it here costs a lookup per posting on the
-- hottest path, and a foreign key would lock the house account row on every bet.
CREATE FUNCTION ledger_check_postings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  -- Per transaction on purpose: a statement writes one transaction, and the planner knows nothing of a
  -- transition table's size, so a set-based join here could scan the whole posting table.
  FOR r IN SELECT DISTINCT txn_id FROM new_postings LOOP
    PERFORM 1 FROM posting WHERE txn_id = r.txn_id GROUP BY currency HAVING sum(amount_minor) <> 0 OR count(*) < 2;
    IF FOUND THEN
      RAISE EXCEPTION 'UNBALANCED_TRANSFER' USING ERRCODE = 'PB004', DETAIL = format('postings of transaction %s do not balance', r.txn_id);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER posting_checked AFTER INSERT ON "posting" REFERENCING NEW TABLE AS new_postings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_postings();

-- A transaction without postings cannot commit.
CREATE FUNCTION ledger_assert_has_postings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM posting WHERE txn_id = NEW.id) THEN
    RAISE EXCEPTION 'UNBALANCED_TRANSFER' USING ERRCODE = 'PB004', DETAIL = format('transaction %s has no postings', NEW.id);
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_txn_has_postings AFTER INSERT ON "ledger_txn"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_assert_has_postings();

-- ─── Commands ──────────────────────────────────────────────────────────────────────────────────────────
-- Errors are raised with SQLSTATE class PB and the domain error code as the message:
--   PB001 INSUFFICIENT_FUNDS, PB002 IDEMPOTENCY_KEY_REUSED, PB003 NOT_FOUND, PB004 UNBALANCED_TRANSFER,
--   PB005 ALREADY_REVERSED, PB006 UNKNOWN_CURRENCY, PB007 INVALID_INPUT, PB008 CONFLICT, PB009 APPEND_ONLY.
-- Account ids are minted by the application (sortable, prefixed) and passed in for accounts that may need
-- creating; unused ones are simply dropped.

-- The account for (player or house, type, currency, scope), created on first use.
CREATE FUNCTION ledger_account(p_player_id text, p_type account_type, p_currency text, p_scope text, p_new_id text)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  found_id text;
BEGIN
  -- Two spellings so both use the unique index (IS NOT DISTINCT FROM would not).
  IF p_player_id IS NULL THEN
    SELECT id INTO found_id FROM account WHERE player_id IS NULL AND type = p_type AND currency = p_currency AND scope = p_scope;
  ELSE
    SELECT id INTO found_id FROM account WHERE player_id = p_player_id AND type = p_type AND currency = p_currency AND scope = p_scope;
  END IF;
  IF found_id IS NOT NULL THEN RETURN found_id; END IF;
  IF NOT EXISTS (SELECT 1 FROM currency WHERE code = p_currency AND is_enabled) THEN
    RAISE EXCEPTION 'UNKNOWN_CURRENCY' USING ERRCODE = 'PB006', DETAIL = p_currency;
  END IF;
  IF p_player_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM player WHERE id = p_player_id) THEN
    RAISE EXCEPTION 'NOT_FOUND' USING ERRCODE = 'PB003', DETAIL = format('no player %s', p_player_id);
  END IF;
  INSERT INTO account (id, owner, player_id, type, currency, scope, balance_minor)
  VALUES (p_new_id, CASE WHEN p_player_id IS NULL THEN 'HOUSE' ELSE 'PLAYER' END::account_owner, p_player_id, p_type,
          p_currency, p_scope, CASE WHEN p_player_id IS NULL THEN NULL ELSE 0 END)
  ON CONFLICT DO NOTHING;
  SELECT id INTO found_id FROM account
   WHERE player_id IS NOT DISTINCT FROM p_player_id AND type = p_type AND currency = p_currency AND scope = p_scope;
  RETURN found_id;
END $$;

-- The stored result of a transaction, for replays: the same shape ledger_book returns.
CREATE FUNCTION ledger_result(p_txn_id text, p_is_replay boolean) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'txnId', t.id, 'kind', t.kind, 'playerId', t.player_id, 'currency', t.currency, 'isReplay', p_is_replay,
    'createdAt', to_char(l.booked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'reversesTxnId', t.reverses_txn_id, 'roundId', t.round_id, 'paymentId', t.payment_id,
    'legs', jsonb_build_object('accountId', l.accounts, 'owner', l.owners, 'type', l.types, 'scope', l.scopes,
                               'amountMinor', l.amounts, 'balanceAfter', l.balances))
  FROM ledger_txn t,
  LATERAL (SELECT min(p.created_at) AS booked_at, array_agg(a.id ORDER BY p.id) AS accounts,
                  array_agg(a.owner ORDER BY p.id) AS owners, array_agg(a.type ORDER BY p.id) AS types,
                  array_agg(a.scope ORDER BY p.id) AS scopes, array_agg(p.amount_minor::text ORDER BY p.id) AS amounts,
                  array_agg(p.balance_after::text ORDER BY p.id) AS balances
           FROM posting p JOIN account a ON a.id = p.account_id WHERE p.txn_id = t.id) l
  WHERE t.id = p_txn_id
$$;

-- The earlier transaction with this key: its result when the request is the same, else IDEMPOTENCY_KEY_REUSED.
CREATE FUNCTION ledger_replay(p_scope text, p_key text, p_request_hash text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  prior record;
BEGIN
  SELECT id, request_hash INTO prior FROM ledger_txn WHERE idempotency_scope = p_scope AND idempotency_key = p_key;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'CONFLICT' USING ERRCODE = 'PB008', DETAIL = format('key %s in scope %s is taken but not visible', p_key, p_scope);
  END IF;
  IF prior.request_hash <> p_request_hash THEN
    RAISE EXCEPTION 'IDEMPOTENCY_KEY_REUSED' USING ERRCODE = 'PB002', DETAIL = format('key %s in scope %s was used for another request', p_key, p_scope);
  END IF;
  RETURN ledger_result(prior.id, true);
END $$;

/*
 * Phase 1 of every command, before any row lock: claims the idempotency key by inserting the transaction
 * row (a concurrent duplicate waits on the unique index until this one commits or rolls back, then replays)
 * and writes the outbox event, whose amount (p_moved) is known up front. Returns null once claimed, or the
 * earlier transaction's result. Doing this outside the lock keeps the time a player's row is held short.
 */
CREATE FUNCTION ledger_claim(p_txn jsonb, p_moved bigint, p_event jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  claimed text;
  currency_exponent int;
  stamp timestamptz := date_trunc('milliseconds', clock_timestamp());
BEGIN
  SELECT exponent INTO currency_exponent FROM currency WHERE code = p_txn->>'currency' AND is_enabled;
  IF NOT FOUND THEN RAISE EXCEPTION 'UNKNOWN_CURRENCY' USING ERRCODE = 'PB006', DETAIL = p_txn->>'currency'; END IF;
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

/*
 * Phase 2, under the player's row lock (taken by the caller: FOR UPDATE, in id order): applies the legs,
 * given as parallel arrays (account, owner, type, scope, signed amount; zero legs are skipped). Updates the
 * player projections (the conditional update refuses to go below zero) and inserts the postings in one
 * statement (checked by posting_checked). Postings are stamped after the lock, so a player account's
 * postings are in the same order by id and by time. Returns the result from what it wrote, as arrays the
 * caller zips: no re-read.
 */
CREATE FUNCTION ledger_book(p_txn jsonb, p_accounts text[], p_owners account_owner[], p_types account_type[],
                            p_scopes text[], p_amounts bigint[]) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  -- Millisecond precision, like the column, so the returned createdAt is exactly what was stored.
  stamp timestamptz := date_trunc('milliseconds', clock_timestamp());
  balances bigint[] := array_fill(NULL::bigint, ARRAY[cardinality(p_accounts)]);
  new_balance bigint;
BEGIN
  FOR i IN 1 .. cardinality(p_accounts) LOOP
    CONTINUE WHEN p_amounts[i] = 0 OR p_owners[i] <> 'PLAYER';
    UPDATE account SET balance_minor = balance_minor + p_amounts[i], version = version + 1
     WHERE id = p_accounts[i] AND balance_minor + p_amounts[i] >= 0
     RETURNING balance_minor INTO new_balance;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'INSUFFICIENT_FUNDS' USING ERRCODE = 'PB001', DETAIL = format('account %s cannot cover %s', p_accounts[i], -p_amounts[i]);
    END IF;
    balances[i] := new_balance;
  END LOOP;
  INSERT INTO posting (txn_id, account_id, currency, amount_minor, balance_after, created_at)
  SELECT p_txn->>'id', a, p_txn->>'currency', m, b, stamp FROM unnest(p_accounts, p_amounts, balances) AS u(a, m, b) WHERE m <> 0;
  RETURN jsonb_build_object(
    'txnId', p_txn->>'id', 'kind', p_txn->>'kind', 'playerId', p_txn->>'playerId', 'currency', p_txn->>'currency',
    'isReplay', false, 'createdAt', to_char(stamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'reversesTxnId', p_txn->>'reversesTxnId', 'roundId', p_txn->>'roundId', 'paymentId', p_txn->>'paymentId',
    'legs', jsonb_build_object('accountId', p_accounts, 'owner', p_owners, 'type', p_types, 'scope', p_scopes,
                               'amountMinor', p_amounts::text[], 'balanceAfter', balances::text[]));
END $$;

/*
 * A generic transfer between accounts named by (player or null for house, type, scope): deposits,
 * withdrawal hold / payout / release, bonus grants, adjustments. p_legs: [{playerId?, type, scope?, amount}].
 */
CREATE FUNCTION ledger_transfer(p_txn jsonb, p_legs jsonb, p_event jsonb, p_new_account_ids text[]) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  accounts text[] := '{}';
  owners account_owner[] := '{}';
  types account_type[] := '{}';
  scopes text[] := '{}';
  amounts bigint[] := '{}';
  leg jsonb;
  i int := 0;
  prior jsonb;
BEGIN
  FOR leg IN SELECT value FROM jsonb_array_elements(p_legs) LOOP
    i := i + 1;
    accounts := accounts || ledger_account(leg->>'playerId', (leg->>'type')::account_type, p_txn->>'currency',
                                           coalesce(leg->>'scope', ''), p_new_account_ids[i]);
    owners := owners || CASE WHEN leg->>'playerId' IS NULL THEN 'HOUSE' ELSE 'PLAYER' END::account_owner;
    types := types || (leg->>'type')::account_type;
    scopes := scopes || coalesce(leg->>'scope', '');
    amounts := amounts || (leg->>'amount')::bigint;
  END LOOP;
  prior := ledger_claim(p_txn, (SELECT coalesce(sum(m), 0) FROM unnest(amounts) m WHERE m > 0)::bigint, p_event);
  IF prior IS NOT NULL THEN RETURN prior; END IF;
  PERFORM 1 FROM account WHERE id = ANY(accounts) AND owner = 'PLAYER' ORDER BY id FOR UPDATE;
  RETURN ledger_book(p_txn, accounts, owners, types, scopes, amounts);
END $$;

-- Locks the player's CASH and BONUS accounts in the currency (creating them on first use) and returns them.
CREATE FUNCTION wallet_lock(p_player_id text, p_currency text, p_new_account_ids text[],
                            OUT cash_id text, OUT cash_balance bigint, OUT bonus_id text, OUT bonus_balance bigint)
LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR attempt IN 1 .. 2 LOOP
    FOR r IN SELECT id, type, balance_minor FROM account
              WHERE player_id = p_player_id AND currency = p_currency AND scope = '' AND type IN ('CASH', 'BONUS')
              ORDER BY id FOR UPDATE LOOP
      IF r.type = 'CASH' THEN cash_id := r.id; cash_balance := r.balance_minor;
      ELSE bonus_id := r.id; bonus_balance := r.balance_minor; END IF;
    END LOOP;
    EXIT WHEN cash_id IS NOT NULL AND bonus_id IS NOT NULL;
    -- First play in this currency: create what is missing, then lock again.
    PERFORM ledger_account(p_player_id, 'CASH', p_currency, '', p_new_account_ids[1]);
    PERFORM ledger_account(p_player_id, 'BONUS', p_currency, '', p_new_account_ids[2]);
  END LOOP;
END $$;

/*
 * The stake debit, the platform's hottest path. Takes p_amount from the player's CASH and BONUS accounts
 * in the funding order ('CASH_FIRST', 'BONUS_FIRST' or 'CASH_ONLY') to the house GAME_REVENUE account of
 * p_house_scope (the game provider), whose row is only read, never locked or updated. The split is recorded
 * in the postings, so a win or a refund can go back to the same sources in proportion.
 */
CREATE FUNCTION wallet_debit(p_txn jsonb, p_amount bigint, p_funding text, p_house_scope text, p_event jsonb, p_new_account_ids text[])
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  w record;
  house_id text;
  from_cash bigint;
  from_bonus bigint;
  prior jsonb;
BEGIN
  IF p_amount <= 0 THEN RAISE EXCEPTION 'INVALID_INPUT' USING ERRCODE = 'PB007', DETAIL = 'a stake must be positive'; END IF;
  IF p_funding NOT IN ('CASH_FIRST', 'BONUS_FIRST', 'CASH_ONLY') THEN
    RAISE EXCEPTION 'INVALID_INPUT' USING ERRCODE = 'PB007', DETAIL = format('unknown funding order %s', p_funding);
  END IF;
  house_id := ledger_account(NULL, 'GAME_REVENUE', p_txn->>'currency', p_house_scope, p_new_account_ids[3]);
  prior := ledger_claim(
    p_txn || jsonb_build_object('metadata', coalesce(p_txn->'metadata', '{}'::jsonb) || jsonb_build_object('funding', p_funding)),
    p_amount, p_event);
  IF prior IS NOT NULL THEN RETURN prior; END IF;

  w := wallet_lock(p_txn->>'playerId', p_txn->>'currency', p_new_account_ids);
  CASE p_funding
    WHEN 'CASH_FIRST' THEN from_cash := least(w.cash_balance, p_amount); from_bonus := p_amount - from_cash;
    WHEN 'BONUS_FIRST' THEN from_bonus := least(w.bonus_balance, p_amount); from_cash := p_amount - from_bonus;
    ELSE from_cash := p_amount; from_bonus := 0;
  END CASE;
  IF from_cash > w.cash_balance OR from_bonus > w.bonus_balance THEN
    RAISE EXCEPTION 'INSUFFICIENT_FUNDS' USING ERRCODE = 'PB001',
      DETAIL = format('stake %s exceeds cash %s + bonus %s', p_amount, w.cash_balance, w.bonus_balance);
  END IF;
  RETURN ledger_book(p_txn,
    ARRAY[w.cash_id, w.bonus_id, house_id], ARRAY['PLAYER', 'PLAYER', 'HOUSE']::account_owner[],
    ARRAY['CASH', 'BONUS', 'GAME_REVENUE']::account_type[], ARRAY['', '', p_house_scope],
    ARRAY[-from_cash, -from_bonus, p_amount]);
END $$;

/*
 * A win (or any payout from the house GAME_REVENUE account of p_house_scope) to the player. With
 * p_source_txn_id (the stake's debit), the amount returns to CASH and BONUS in the proportion the stake
 * came from them (exactly: the bonus share is rounded down, the remainder goes to cash); without, to CASH.
 */
CREATE FUNCTION wallet_credit(p_txn jsonb, p_amount bigint, p_source_txn_id text, p_house_scope text, p_event jsonb, p_new_account_ids text[])
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
      FROM posting p WHERE p.txn_id = p_source_txn_id;
    IF staked_cash + staked_bonus <= 0 THEN
      RAISE EXCEPTION 'NOT_FOUND' USING ERRCODE = 'PB003', DETAIL = format('no stake %s for this player', p_source_txn_id);
    END IF;
    to_bonus := (p_amount * staked_bonus) / (staked_cash + staked_bonus);
  END IF;
  RETURN ledger_book(p_txn,
    ARRAY[house_id, w.cash_id, w.bonus_id], ARRAY['HOUSE', 'PLAYER', 'PLAYER']::account_owner[],
    ARRAY['GAME_REVENUE', 'CASH', 'BONUS']::account_type[], ARRAY[p_house_scope, '', ''],
    ARRAY[-p_amount, p_amount - to_bonus, to_bonus]);
END $$;

/*
 * Reverses a transaction with a new, linked one whose postings are the negation of the original's
 * (a rollback returns a stake to exactly the accounts it came from). The unique reverses_txn_id makes a
 * second reversal fail (ALREADY_REVERSED), even when two race.
 */
CREATE FUNCTION ledger_reverse(p_txn jsonb, p_original_txn_id text, p_event jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  original record;
  prior jsonb;
  legs record;
  txn jsonb;
BEGIN
  SELECT id, player_id, currency INTO original FROM ledger_txn WHERE id = p_original_txn_id;
  IF NOT FOUND OR (p_txn->>'playerId') IS DISTINCT FROM original.player_id THEN
    RAISE EXCEPTION 'NOT_FOUND' USING ERRCODE = 'PB003', DETAIL = format('no transaction %s for this player', p_original_txn_id);
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

-- ─── Invariant 7: tamper evidence ──────────────────────────────────────────────────────────────────────
-- The canonical text of a posting and its transaction header, hashed into the chain.
CREATE FUNCTION ledger_posting_text(p posting, t ledger_txn) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat_ws('|', p.id, p.txn_id, p.account_id, p.currency, p.amount_minor, coalesce(p.balance_after::text, '-'),
    to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS'), t.kind, coalesce(t.player_id, '-'),
    t.idempotency_scope, t.idempotency_key, t.request_hash, coalesce(t.reverses_txn_id, '-'), coalesce(t.round_id, '-'),
    coalesce(t.payment_id, '-'), coalesce(t.grant_id, '-'))
$$;

/*
 * The highest posting id below which no posting can still appear. A brief SHARE lock on posting waits for
 * every in-flight insert to commit (inserters hold ROW EXCLUSIVE until commit, and take their id after
 * taking it), so every id up to the returned one is final. Call it in its own short transaction.
 */
CREATE FUNCTION ledger_seal_watermark() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE posting IN SHARE MODE;
  RETURN (SELECT coalesce(max(id), 0) FROM posting);
END $$;

/*
 * Extends the hash chain over postings not sealed yet, in id order, up to p_watermark (from
 * ledger_seal_watermark) and at most p_limit of them. Run by the worker, never on the hot path.
 */
CREATE FUNCTION ledger_seal(p_watermark bigint, p_limit int) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  last_id bigint;
  last_hash text;
  r record;
  sealed int := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(7262017002);
  SELECT posting_id, chain_hash INTO last_id, last_hash FROM posting_seal ORDER BY posting_id DESC LIMIT 1;
  last_id := coalesce(last_id, 0);
  last_hash := coalesce(last_hash, repeat('0', 64));
  FOR r IN SELECT ledger_posting_text(p, t) AS body, p.id FROM posting p JOIN ledger_txn t ON t.id = p.txn_id
            WHERE p.id > last_id AND p.id <= p_watermark ORDER BY p.id LIMIT p_limit LOOP
    last_hash := encode(sha256(convert_to(last_hash || '|' || r.body, 'UTF8')), 'hex');
    INSERT INTO posting_seal (posting_id, chain_hash) VALUES (r.id, last_hash);
    last_id := r.id;
    sealed := sealed + 1;
  END LOOP;
  RETURN jsonb_build_object('sealed', sealed, 'throughPostingId', last_id, 'headHash', last_hash);
END $$;

/*
 * Walks the chain from the start and returns the first posting whose content no longer matches its seal
 * (altered posting or transaction header, altered seal, or a sealed posting that vanished), or null.
 */
CREATE FUNCTION ledger_verify() RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
DECLARE
  running text := repeat('0', 64);
  r record;
  checked bigint := 0;
BEGIN
  FOR r IN SELECT s.posting_id, s.chain_hash, p.id AS present_id, ledger_posting_text(p, t) AS body
             FROM posting_seal s LEFT JOIN posting p ON p.id = s.posting_id LEFT JOIN ledger_txn t ON t.id = p.txn_id
            ORDER BY s.posting_id LOOP
    IF r.present_id IS NULL THEN
      RETURN jsonb_build_object('isIntact', false, 'firstBadPostingId', r.posting_id, 'reason', 'missing', 'checked', checked);
    END IF;
    running := encode(sha256(convert_to(running || '|' || r.body, 'UTF8')), 'hex');
    IF running <> r.chain_hash THEN
      RETURN jsonb_build_object('isIntact', false, 'firstBadPostingId', r.posting_id, 'reason', 'altered', 'checked', checked);
    END IF;
    checked := checked + 1;
  END LOOP;
  RETURN jsonb_build_object('isIntact', true, 'firstBadPostingId', NULL, 'reason', NULL, 'checked', checked);
END $$;
