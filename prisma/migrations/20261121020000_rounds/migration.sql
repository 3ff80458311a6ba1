-- Rounds engine: per-player provably-fair seed pairs, per-game stake limits, rounds and their bets.
-- Money never lives here: stakes, wins and refunds are ledger transactions (wallet functions), linked to the
-- round by its id (ledger_txn.round_id) and to the bet by the debit's transaction id.

CREATE TYPE "round_status" AS ENUM ('OPEN', 'SETTLED', 'VOIDED');
CREATE TYPE "round_result" AS ENUM ('WIN', 'LOSE', 'PUSH');

CREATE TABLE "game_limit" (
    "game_id" TEXT NOT NULL,
    "currency" VARCHAR(8) NOT NULL,
    "min_stake_minor" BIGINT NOT NULL,
    "max_stake_minor" BIGINT NOT NULL,
    CONSTRAINT "game_limit_pkey" PRIMARY KEY ("game_id", "currency"),
    CONSTRAINT "game_limit_range_check" CHECK ("min_stake_minor" > 0 AND "max_stake_minor" >= "min_stake_minor")
);
ALTER TABLE "game_limit" ADD CONSTRAINT "game_limit_game_id_fkey" FOREIGN KEY ("game_id") REFERENCES "game"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "game_limit" ADD CONSTRAINT "game_limit_currency_fkey" FOREIGN KEY ("currency") REFERENCES "currency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "fairness_seed_pair" (
    "id" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "server_seed" TEXT NOT NULL,
    "server_seed_hash" TEXT NOT NULL,
    "client_seed" TEXT NOT NULL,
    "next_nonce" INTEGER NOT NULL DEFAULT 0,
    "active_player_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revealed_at" TIMESTAMPTZ(3),
    CONSTRAINT "fairness_seed_pair_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "fairness_seed_pair_next_nonce_check" CHECK ("next_nonce" >= 0),
    -- A pair is either the player's active one (seed secret) or rotated out (seed revealed), never both.
    CONSTRAINT "fairness_seed_pair_active_check" CHECK (
        ("active_player_id" IS NULL OR "active_player_id" = "player_id")
        AND (("active_player_id" IS NULL) = ("revealed_at" IS NOT NULL)))
);
-- One active pair per player: active_player_id is unique and null once the pair is rotated out.
CREATE UNIQUE INDEX "fairness_seed_pair_active_player_id_key" ON "fairness_seed_pair"("active_player_id");
CREATE INDEX "fairness_seed_pair_player_id_created_at_idx" ON "fairness_seed_pair"("player_id", "created_at");
ALTER TABLE "fairness_seed_pair" ADD CONSTRAINT "fairness_seed_pair_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "round" (
    "id" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "game_id" TEXT NOT NULL,
    "currency" VARCHAR(8) NOT NULL,
    "calc_ver" TEXT NOT NULL,
    "status" "round_status" NOT NULL DEFAULT 'OPEN',
    "result" "round_result",
    "void_reason" TEXT,
    "total_stake_minor" BIGINT NOT NULL DEFAULT 0,
    "total_payout_minor" BIGINT,
    "pending_bets" INTEGER NOT NULL DEFAULT 0,
    "seed_pair_id" TEXT,
    "nonce" INTEGER,
    "params" JSONB NOT NULL,
    "outcome" JSONB,
    "idempotency_key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "win_txn_id" TEXT,
    "timeout_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settled_at" TIMESTAMPTZ(3),
    CONSTRAINT "round_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "round_amounts_check" CHECK ("total_stake_minor" >= 0 AND ("total_payout_minor" IS NULL OR "total_payout_minor" >= 0) AND "pending_bets" >= 0),
    -- Decided at most one way: a result (settle) or a void reason, never both.
    CONSTRAINT "round_decision_check" CHECK ("result" IS NULL OR "void_reason" IS NULL),
    -- Final states carry their decision; a settled round has its outcome, payout and fairness inputs.
    CONSTRAINT "round_status_check" CHECK (
        ("status" <> 'SETTLED' OR ("result" IS NOT NULL AND "total_payout_minor" IS NOT NULL AND "outcome" IS NOT NULL
                                   AND "seed_pair_id" IS NOT NULL AND "nonce" IS NOT NULL AND "settled_at" IS NOT NULL))
        AND ("status" <> 'VOIDED' OR ("void_reason" IS NOT NULL AND "settled_at" IS NOT NULL))),
    CONSTRAINT "round_nonce_check" CHECK (("seed_pair_id" IS NULL) = ("nonce" IS NULL))
);
-- Client idempotency: one round per (player, key); a retry finds the original.
CREATE UNIQUE INDEX "round_player_id_idempotency_key_key" ON "round"("player_id", "idempotency_key");
-- Provably fair: a nonce is used by one round of its seed pair only.
CREATE UNIQUE INDEX "round_seed_pair_id_nonce_key" ON "round"("seed_pair_id", "nonce");
-- Game recall (last rounds of a player).
CREATE INDEX "round_player_id_created_at_idx" ON "round"("player_id", "created_at");
-- The timeout job: open rounds past their deadline.
CREATE INDEX "round_status_timeout_at_idx" ON "round"("status", "timeout_at");
ALTER TABLE "round" ADD CONSTRAINT "round_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "round" ADD CONSTRAINT "round_game_id_fkey" FOREIGN KEY ("game_id") REFERENCES "game"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "round" ADD CONSTRAINT "round_currency_fkey" FOREIGN KEY ("currency") REFERENCES "currency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "round" ADD CONSTRAINT "round_seed_pair_id_fkey" FOREIGN KEY ("seed_pair_id") REFERENCES "fairness_seed_pair"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "bet" (
    "id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "stake_minor" BIGINT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "debit_txn_id" TEXT,
    "refund_txn_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "bet_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "bet_stake_minor_check" CHECK ("stake_minor" > 0)
);
CREATE UNIQUE INDEX "bet_player_id_idempotency_key_key" ON "bet"("player_id", "idempotency_key");
CREATE UNIQUE INDEX "bet_debit_txn_id_key" ON "bet"("debit_txn_id");
CREATE UNIQUE INDEX "bet_refund_txn_id_key" ON "bet"("refund_txn_id");
CREATE INDEX "bet_round_id_idx" ON "bet"("round_id");
ALTER TABLE "bet" ADD CONSTRAINT "bet_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "bet" ADD CONSTRAINT "bet_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
