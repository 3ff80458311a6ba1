-- Game studios (seamless wallet): the provider registry with its kill switch, studio games in the catalogue, game
-- sessions handed to studios at launch, and the bridge's record of every studio transaction.
-- Enforced here, whatever the code does:
--   * a studio transaction is recorded once per (provider, player, provider transaction id);
--   * its fingerprint and stored response never change: the only transitions are OK → ROLLED_BACK (with the
--     reversing ledger transaction) and nothing else; rows are never deleted;
--   * a tombstone (a rollback that arrived before its transaction) carries neither fingerprint nor response;
--   * game session tokens are stored only as SHA-256 hashes and expire.
-- Money never lives in these tables: every movement is a ledger transaction (ledger_txn_id points at it).

CREATE TYPE "bridge_protocol" AS ENUM ('HUB88', 'PRAGMATIC', 'PITBOSS');
CREATE TYPE "game_volatility" AS ENUM ('LOW', 'MEDIUM', 'HIGH');
CREATE TYPE "bridge_txn_kind" AS ENUM ('BET', 'WIN', 'ROLLBACK');
CREATE TYPE "bridge_txn_status" AS ENUM ('OK', 'REFUSED', 'ROLLED_BACK', 'TOMBSTONE');
CREATE TYPE "bridge_round_status" AS ENUM ('OPEN', 'CLOSED');

-- Studio games in the catalogue: the studio's own game code, volatility and the countries they may be offered in
-- (empty: everywhere). Stake limits per currency stay in game_limit, as for in-house games.
ALTER TABLE "game" ADD COLUMN "volatility" "game_volatility",
ADD COLUMN "countries" TEXT[] DEFAULT '{}',
ADD COLUMN "external_code" TEXT;
ALTER TABLE "game" ADD CONSTRAINT "game_countries_check"
    CHECK (array_to_string("countries", ',') ~ '^([A-Z]{2}(,[A-Z]{2})*)?$');
CREATE UNIQUE INDEX "game_provider_external_code_key" ON "game"("provider", "external_code");

-- A studio or aggregator calling our wallet. Its secret or public key lives in the environment, never here.
-- is_enabled is the kill switch: off, no launch and no new bet; wins and rollbacks are still accepted.
CREATE TABLE "game_provider" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "protocol" "bridge_protocol" NOT NULL,
    "launch_url" TEXT NOT NULL,
    "is_enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabled_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "game_provider_pkey" PRIMARY KEY ("code"),
    CONSTRAINT "game_provider_code_check" CHECK ("code" ~ '^[a-z0-9][a-z0-9-]{1,31}$'),
    CONSTRAINT "game_provider_launch_url_check" CHECK ("launch_url" ~ '^https?://')
);

-- A game session: the token a studio receives at launch, bound to player, game, currency and provider.
CREATE TABLE "game_session" (
    "id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "game_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "currency" VARCHAR(8) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "game_session_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "game_session_expiry_check" CHECK ("expires_at" > "created_at")
);
CREATE UNIQUE INDEX "game_session_token_hash_key" ON "game_session"("token_hash");
CREATE INDEX "game_session_player_id_created_at_idx" ON "game_session"("player_id", "created_at");
ALTER TABLE "game_session" ADD CONSTRAINT "game_session_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "game_session" ADD CONSTRAINT "game_session_game_id_fkey" FOREIGN KEY ("game_id") REFERENCES "game"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "game_session" ADD CONSTRAINT "game_session_provider_fkey" FOREIGN KEY ("provider") REFERENCES "game_provider"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every studio transaction (bet, win, rollback), with the fingerprint of what it asked for and the exact response
-- bytes we sent: a replay gets them back byte for byte; the same id with another fingerprint is a duplicate.
CREATE TABLE "bridge_transaction" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "provider_txn_id" TEXT NOT NULL,
    "kind" "bridge_txn_kind" NOT NULL,
    "status" "bridge_txn_status" NOT NULL,
    "provider_round_id" TEXT,
    "game_id" TEXT,
    "currency" VARCHAR(8),
    "amount_minor" BIGINT,
    "reference_txn_id" TEXT,
    "fingerprint" TEXT,
    "ledger_txn_id" TEXT,
    "reversal_txn_id" TEXT,
    "response_status" INTEGER,
    "response_body" BYTEA,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bridge_transaction_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "bridge_transaction_amount_check" CHECK ("amount_minor" IS NULL OR "amount_minor" >= 0),
    CONSTRAINT "bridge_transaction_tombstone_check" CHECK (
        ("status" = 'TOMBSTONE') = ("fingerprint" IS NULL AND "response_body" IS NULL AND "response_status" IS NULL)
    ),
    CONSTRAINT "bridge_transaction_rolled_back_check" CHECK (
        "status" <> 'ROLLED_BACK' OR ("kind" IN ('BET', 'WIN'))
    )
);
CREATE UNIQUE INDEX "bridge_transaction_provider_player_id_provider_txn_id_key" ON "bridge_transaction"("provider", "player_id", "provider_txn_id");
CREATE UNIQUE INDEX "bridge_transaction_ledger_txn_id_key" ON "bridge_transaction"("ledger_txn_id");
CREATE INDEX "bridge_transaction_provider_provider_round_id_idx" ON "bridge_transaction"("provider", "provider_round_id");
CREATE INDEX "bridge_transaction_provider_created_at_idx" ON "bridge_transaction"("provider", "created_at");
ALTER TABLE "bridge_transaction" ADD CONSTRAINT "bridge_transaction_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "bridge_transaction" ADD CONSTRAINT "bridge_transaction_provider_fkey" FOREIGN KEY ("provider") REFERENCES "game_provider"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What a replay returns must never change: only OK → ROLLED_BACK (once, with its reversal) is allowed.
CREATE FUNCTION bridge_transaction_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'bridge_transaction rows are never deleted' USING ERRCODE = 'check_violation';
  END IF;
  IF (NEW."id", NEW."provider", NEW."player_id", NEW."provider_txn_id", NEW."kind", NEW."provider_round_id",
      NEW."game_id", NEW."currency", NEW."amount_minor", NEW."reference_txn_id", NEW."fingerprint",
      NEW."ledger_txn_id", NEW."response_status", NEW."response_body", NEW."created_at")
     IS DISTINCT FROM
     (OLD."id", OLD."provider", OLD."player_id", OLD."provider_txn_id", OLD."kind", OLD."provider_round_id",
      OLD."game_id", OLD."currency", OLD."amount_minor", OLD."reference_txn_id", OLD."fingerprint",
      OLD."ledger_txn_id", OLD."response_status", OLD."response_body", OLD."created_at") THEN
    RAISE EXCEPTION 'bridge_transaction % cannot be rewritten', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."status" IS DISTINCT FROM OLD."status" AND NOT (OLD."status" = 'OK' AND NEW."status" = 'ROLLED_BACK') THEN
    RAISE EXCEPTION 'bridge_transaction % cannot go from % to %', OLD."id", OLD."status", NEW."status"
      USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."reversal_txn_id" IS NOT NULL AND NEW."reversal_txn_id" IS DISTINCT FROM OLD."reversal_txn_id" THEN
    RAISE EXCEPTION 'bridge_transaction % reversal is already recorded', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER bridge_transaction_guard BEFORE UPDATE OR DELETE ON "bridge_transaction"
    FOR EACH ROW EXECUTE FUNCTION bridge_transaction_guard();

-- A studio round as the bridge saw it: opened by its first transaction, closed by the studio (end round or a
-- round-closed flag). The open-rounds report lists rounds left open.
CREATE TABLE "bridge_round" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "provider_round_id" TEXT NOT NULL,
    "game_id" TEXT,
    "currency" VARCHAR(8) NOT NULL,
    "status" "bridge_round_status" NOT NULL DEFAULT 'OPEN',
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "bridge_round_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "bridge_round_closed_check" CHECK (("status" = 'CLOSED') = ("closed_at" IS NOT NULL))
);
CREATE UNIQUE INDEX "bridge_round_provider_player_id_provider_round_id_key" ON "bridge_round"("provider", "player_id", "provider_round_id");
CREATE INDEX "bridge_round_status_opened_at_idx" ON "bridge_round"("status", "opened_at");
ALTER TABLE "bridge_round" ADD CONSTRAINT "bridge_round_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "bridge_round" ADD CONSTRAINT "bridge_round_provider_fkey" FOREIGN KEY ("provider") REFERENCES "game_provider"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Our own protocol's replay protection: a request id (nonce) is accepted once per provider. Rows older than the
-- signature tolerance are useless (the timestamp check refuses those requests first) and are pruned by the worker.
CREATE TABLE "bridge_nonce" (
    "provider" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bridge_nonce_pkey" PRIMARY KEY ("provider", "nonce")
);
CREATE INDEX "bridge_nonce_created_at_idx" ON "bridge_nonce"("created_at");
