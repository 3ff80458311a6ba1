-- A bet in a multi-step round (mines played cell by cell) and its stake debit in one database transaction: one
-- statement adds the stake to the round, writes the bet and debits the wallet, so the bet row, the round's total
-- and the money commit together or not at all. No bet is ever left written but not paid for.

/*
 * Returns
 *   {"status": "PLACED", "debit": <ledger result>}
 *   {"status": "CLOSED"}     — the round is not the player's, is decided or voided, has begun its steps, or is
 *                              too close to its timeout (p_open_until): nothing was written;
 *   {"status": "KEY_TAKEN"}  — a bet with this client key exists: nothing was written; replay it.
 * A refusal (insufficient funds …) raises, and the whole statement rolls back: no bet, no stake, no money.
 * p_bet: {"id", "roundId", "playerId", "stakeMinor", "idempotencyKey", "requestHash", "createdAt"};
 * p_debit: {"txn", "event"} as for wallet_debit.
 */
CREATE FUNCTION round_place_bet(p_bet jsonb, p_open_until timestamptz, p_debit jsonb, p_funding text,
                                p_house_scope text, p_new_account_ids text[]) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  stake bigint := (p_bet->>'stakeMinor')::bigint;
  claimed text;
  debit jsonb;
BEGIN
  -- The round's row lock orders this bet against the player's other bets, the settlement and the timeout job.
  UPDATE round SET total_stake_minor = total_stake_minor + stake
   WHERE id = p_bet->>'roundId' AND player_id = p_bet->>'playerId'
     AND status = 'OPEN' AND result IS NULL AND void_reason IS NULL AND nonce IS NOT NULL
     AND params = '{}'::jsonb AND timeout_at > p_open_until;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('status', 'CLOSED');
  END IF;
  INSERT INTO bet (id, round_id, player_id, stake_minor, idempotency_key, request_hash, debit_txn_id, created_at)
  VALUES (p_bet->>'id', p_bet->>'roundId', p_bet->>'playerId', stake, p_bet->>'idempotencyKey',
          p_bet->>'requestHash', p_debit->'txn'->>'id', (p_bet->>'createdAt')::timestamptz)
  ON CONFLICT (player_id, idempotency_key) DO NOTHING
  RETURNING id INTO claimed;
  IF claimed IS NULL THEN
    -- Undo the stake: this statement must leave no trace when it does not place the bet.
    UPDATE round SET total_stake_minor = total_stake_minor - stake WHERE id = p_bet->>'roundId';
    RETURN jsonb_build_object('status', 'KEY_TAKEN');
  END IF;
  debit := wallet_debit(p_debit->'txn', stake, p_funding, p_house_scope, p_debit->'event', p_new_account_ids);
  IF (debit->>'isReplay')::boolean THEN
    -- The stake key is derived from the bet's client key, which was free a moment ago: a stray debit under it is
    -- money no bet explains. Refuse loudly rather than link it.
    RAISE EXCEPTION 'CONFLICT' USING ERRCODE = 'PB008', DETAIL = format('stake key %s already used outside a bet', p_debit->'txn'->>'idempotencyKey');
  END IF;
  RETURN jsonb_build_object('status', 'PLACED', 'debit', debit);
END $$;

-- Every bet now commits with its debit, so no bet is ever pending: the round's pending-bet counter goes, and a
-- bet's debit id is required.
CREATE OR REPLACE FUNCTION round_insert(p_round jsonb) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  claimed text;
BEGIN
  INSERT INTO round (id, player_id, game_id, currency, calc_ver, status, result, total_stake_minor, total_payout_minor,
                     seed_pair_id, nonce, params, outcome, idempotency_key, request_hash, win_txn_id,
                     timeout_at, created_at, settled_at)
  VALUES (p_round->>'id', p_round->>'playerId', p_round->>'gameId', p_round->>'currency', p_round->>'calcVer',
          (p_round->>'status')::round_status, (p_round->>'result')::round_result,
          (p_round->>'stakeMinor')::bigint, (p_round->>'payoutMinor')::bigint,
          p_round->>'seedPairId', (p_round->>'nonce')::int, p_round->'params', p_round->'outcome',
          p_round->>'idempotencyKey', p_round->>'requestHash', p_round->>'winTxnId',
          (p_round->>'timeoutAt')::timestamptz, (p_round->>'createdAt')::timestamptz, (p_round->>'settledAt')::timestamptz)
  ON CONFLICT (player_id, idempotency_key) DO NOTHING
  RETURNING id INTO claimed;
  RETURN claimed IS NOT NULL;
END $$;

ALTER TABLE round
  DROP CONSTRAINT round_amounts_check,
  DROP COLUMN pending_bets,
  ADD CONSTRAINT round_amounts_check
    CHECK (total_stake_minor >= 0 AND (total_payout_minor IS NULL OR total_payout_minor >= 0));

ALTER TABLE bet ALTER COLUMN debit_txn_id SET NOT NULL;
