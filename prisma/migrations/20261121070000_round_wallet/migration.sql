-- Instant rounds and their money in one database transaction: one statement writes the round and its bet, takes
-- the stake and pays the win, so they commit together or not at all. A crash can no longer leave an instant round
-- OPEN between its writes (the timeout job is left with the multi-step rounds players leave open).
-- Outcomes are computed in the application (the game math lives there, once) from the seed pair and nonce it
-- read; the functions only accept them while that nonce is still the pair's next one (compare-and-set).

-- The round's own rows from a jsonb built by the application (ids, clock and outcome all come from there).
CREATE FUNCTION round_insert(p_round jsonb) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  claimed text;
BEGIN
  INSERT INTO round (id, player_id, game_id, currency, calc_ver, status, result, total_stake_minor, total_payout_minor,
                     pending_bets, seed_pair_id, nonce, params, outcome, idempotency_key, request_hash, win_txn_id,
                     timeout_at, created_at, settled_at)
  VALUES (p_round->>'id', p_round->>'playerId', p_round->>'gameId', p_round->>'currency', p_round->>'calcVer',
          (p_round->>'status')::round_status, (p_round->>'result')::round_result,
          (p_round->>'stakeMinor')::bigint, (p_round->>'payoutMinor')::bigint, 0,
          p_round->>'seedPairId', (p_round->>'nonce')::int, p_round->'params', p_round->'outcome',
          p_round->>'idempotencyKey', p_round->>'requestHash', p_round->>'winTxnId',
          (p_round->>'timeoutAt')::timestamptz, (p_round->>'createdAt')::timestamptz, (p_round->>'settledAt')::timestamptz)
  ON CONFLICT (player_id, idempotency_key) DO NOTHING
  RETURNING id INTO claimed;
  RETURN claimed IS NOT NULL;
END $$;

/*
 * An instant game, whole: consume the nonce the outcome was computed from, write the round SETTLED with its bet,
 * debit the stake, pay the win (back to the stake's sources in proportion). Returns
 *   {"status": "PLAYED", "debit": <ledger result>, "win": <ledger result or null>}
 *   {"status": "NONCE_MOVED", "pair": …} — the pair was rotated or another bet took the nonce first: nothing was
 *                               written; recompute the outcome from the pair as it is now (returned) and call again;
 *   {"status": "KEY_TAKEN"}  — a round with this client key exists: nothing was written; replay it.
 * A refusal (insufficient funds …) raises, and the whole statement rolls back: no round, no nonce, no money.
 * p_debit / p_win: {"txn", "event"} as for wallet_debit / wallet_credit; p_win is null for a payout of 0.
 */
CREATE FUNCTION round_play_instant(p_round jsonb, p_bet jsonb, p_debit jsonb, p_win jsonb, p_funding text,
                                   p_new_account_ids text[]) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  debit jsonb;
  win jsonb;
BEGIN
  -- The pair's row lock orders this bet against the player's other bets and against rotation.
  UPDATE fairness_seed_pair SET next_nonce = next_nonce + 1
   WHERE id = p_round->>'seedPairId' AND active_player_id = p_round->>'playerId'
     AND next_nonce = (p_round->>'nonce')::int;
  IF NOT FOUND THEN
    -- Hand back the pair as it is now, so the caller recomputes without another read.
    RETURN jsonb_build_object('status', 'NONCE_MOVED', 'pair',
      (SELECT jsonb_build_object('id', id, 'serverSeed', server_seed, 'serverSeedHash', server_seed_hash,
                                 'clientSeed', client_seed, 'nextNonce', next_nonce)
         FROM fairness_seed_pair WHERE active_player_id = p_round->>'playerId'));
  END IF;
  IF NOT round_insert(p_round) THEN
    -- Undo the nonce: this statement must leave no trace when it does not play.
    UPDATE fairness_seed_pair SET next_nonce = next_nonce - 1 WHERE id = p_round->>'seedPairId';
    RETURN jsonb_build_object('status', 'KEY_TAKEN');
  END IF;
  INSERT INTO bet (id, round_id, player_id, stake_minor, idempotency_key, request_hash, debit_txn_id, created_at)
  VALUES (p_bet->>'id', p_round->>'id', p_round->>'playerId', (p_round->>'stakeMinor')::bigint,
          p_round->>'idempotencyKey', p_round->>'requestHash', p_debit->'txn'->>'id', (p_round->>'createdAt')::timestamptz);
  debit := wallet_debit(p_debit->'txn', (p_round->>'stakeMinor')::bigint, p_funding, p_round->>'houseScope',
                        p_debit->'event', p_new_account_ids);
  IF (debit->>'isReplay')::boolean THEN
    -- The stake key is derived from the round's client key, which was free a moment ago: a stray debit under it
    -- is money no round explains. Refuse loudly rather than link it.
    RAISE EXCEPTION 'CONFLICT' USING ERRCODE = 'PB008', DETAIL = format('stake key %s already used outside a round', p_debit->'txn'->>'idempotencyKey');
  END IF;
  IF p_win IS NOT NULL THEN
    win := wallet_credit(p_win->'txn', (p_round->>'payoutMinor')::bigint, debit->>'txnId', p_round->>'houseScope',
                         p_win->'event', p_new_account_ids);
  END IF;
  RETURN jsonb_build_object('status', 'PLAYED', 'debit', debit, 'win', win);
END $$;
