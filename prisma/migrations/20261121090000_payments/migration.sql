-- Payments: deposits and withdrawals through payment providers (PSPs), their history, the webhooks the providers
-- send, the cashier's configuration, provider routing and health, and settlement reconciliation.
-- Enforced here, whatever the code does:
--   * a payment's status belongs to its direction, starts where its state machine starts and only moves along the
--     machine's edges (trigger payment_guard); who, amount, currency and key never change; payments are never deleted;
--   * the history of status changes is append-only;
--   * a provider's webhook event is recorded once (unique provider + event id), and only when its signature verified;
--   * reconciliation items are facts about a report: append-only, never edited.
-- Money never lives in these tables: every movement is a ledger transaction carrying the payment id, posted in the
-- same database transaction as the status change that calls for it (see docs/payments.md).

CREATE TYPE "payment_direction" AS ENUM ('DEPOSIT', 'WITHDRAWAL');
CREATE TYPE "payment_method" AS ENUM ('CARD', 'BANK_TRANSFER');
CREATE TYPE "payment_status" AS ENUM ('INITIATED', 'PENDING', 'COMPLETED', 'EXPIRED', 'REQUESTED', 'AWAITING_APPROVAL', 'APPROVED', 'PROCESSING', 'HELD', 'PAID', 'REJECTED', 'CANCELLED', 'FAILED');
CREATE TYPE "webhook_outcome" AS ENUM ('APPLIED', 'NO_CHANGE', 'MISMATCH', 'UNKNOWN_PAYMENT', 'MALFORMED', 'INVALID_SIGNATURE', 'STALE');
CREATE TYPE "provider_circuit" AS ENUM ('CLOSED', 'OPEN');
CREATE TYPE "reconciliation_item_status" AS ENUM ('MATCHED', 'FLAGGED');

-- ─── Payments and their history ──────────────────────────────────────────────────────────────────────────────
CREATE TABLE "payment" (
    "id" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "direction" "payment_direction" NOT NULL,
    "method" "payment_method" NOT NULL,
    "status" "payment_status" NOT NULL,
    -- The provider that took it (deposits: at creation; withdrawals: when the payout is sent), and its own id.
    "provider" TEXT,
    "provider_payment_id" TEXT,
    "currency" VARCHAR(8) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "fee_minor" BIGINT NOT NULL DEFAULT 0,
    -- The player's country when the payment was made: the cashier configuration and jurisdiction rules applied.
    "country" CHAR(2) NOT NULL,
    -- Why it is in its status (a stable code the player and staff see), e.g. CARD_DECLINED, ABOVE_AUTO_APPROVAL.
    "reason_code" TEXT,
    -- The player's key: a double submit returns the first payment.
    "idempotency_key" TEXT NOT NULL,
    "redirect_url" TEXT,
    -- Deposits: after this instant the expiry job asks the provider and closes it.
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payment_amount_check" CHECK ("amount_minor" > 0),
    CONSTRAINT "payment_fee_check" CHECK ("fee_minor" >= 0 AND "fee_minor" < "amount_minor"),
    CONSTRAINT "payment_reason_code_check" CHECK ("reason_code" ~ '^[A-Z][A-Z0-9_]{1,63}$'),
    CONSTRAINT "payment_provider_check" CHECK ("provider" ~ '^[a-z0-9][a-z0-9-]{1,31}$'),
    CONSTRAINT "payment_status_direction_check" CHECK (
        ("direction" = 'DEPOSIT' AND "status" IN ('INITIATED', 'PENDING', 'COMPLETED', 'FAILED', 'EXPIRED'))
        OR ("direction" = 'WITHDRAWAL' AND "status" IN ('REQUESTED', 'AWAITING_APPROVAL', 'APPROVED', 'PROCESSING', 'HELD', 'PAID', 'REJECTED', 'CANCELLED', 'FAILED'))
    )
);
CREATE UNIQUE INDEX "payment_player_id_idempotency_key_key" ON "payment"("player_id", "idempotency_key");
CREATE UNIQUE INDEX "payment_provider_provider_payment_id_key" ON "payment"("provider", "provider_payment_id");
CREATE INDEX "payment_player_id_created_at_idx" ON "payment"("player_id", "created_at");
CREATE INDEX "payment_status_updated_at_idx" ON "payment"("status", "updated_at");
ALTER TABLE "payment" ADD CONSTRAINT "payment_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "payment" ADD CONSTRAINT "payment_currency_fkey" FOREIGN KEY ("currency") REFERENCES "currency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The state machines (docs/payments.md). A status change outside these edges is refused, whoever attempts it.
CREATE FUNCTION payment_edge_allowed(p_direction payment_direction, p_from payment_status, p_to payment_status)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_direction
    WHEN 'DEPOSIT' THEN (p_from, p_to) IN (
      ('INITIATED', 'PENDING'), ('INITIATED', 'COMPLETED'), ('INITIATED', 'FAILED'), ('INITIATED', 'EXPIRED'),
      ('PENDING', 'COMPLETED'), ('PENDING', 'FAILED'), ('PENDING', 'EXPIRED'),
      -- A provider's success after we gave up waiting: the player paid, so the deposit is credited after all.
      ('EXPIRED', 'COMPLETED'))
    ELSE (p_from, p_to) IN (
      ('REQUESTED', 'AWAITING_APPROVAL'), ('REQUESTED', 'APPROVED'),
      ('AWAITING_APPROVAL', 'APPROVED'), ('AWAITING_APPROVAL', 'REJECTED'), ('AWAITING_APPROVAL', 'CANCELLED'),
      ('APPROVED', 'PROCESSING'), ('APPROVED', 'CANCELLED'),
      -- Every provider refused the connection: nothing was sent, the payout is tried again later.
      ('PROCESSING', 'APPROVED'),
      ('PROCESSING', 'PAID'), ('PROCESSING', 'FAILED'), ('PROCESSING', 'HELD'),
      -- An unknown outcome is resolved only by the provider's answer or a finance user, never by the clock.
      ('HELD', 'PAID'), ('HELD', 'FAILED'))
  END
$$;

CREATE FUNCTION payment_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'payment rows are never deleted' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NOT ((NEW."direction" = 'DEPOSIT' AND NEW."status" = 'INITIATED')
            OR (NEW."direction" = 'WITHDRAWAL' AND NEW."status" = 'REQUESTED')) THEN
      RAISE EXCEPTION 'a % starts at its first status, not %', NEW."direction", NEW."status" USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF (NEW."id", NEW."player_id", NEW."direction", NEW."method", NEW."currency", NEW."amount_minor", NEW."fee_minor",
      NEW."country", NEW."idempotency_key", NEW."created_at")
     IS DISTINCT FROM
     (OLD."id", OLD."player_id", OLD."direction", OLD."method", OLD."currency", OLD."amount_minor", OLD."fee_minor",
      OLD."country", OLD."idempotency_key", OLD."created_at") THEN
    RAISE EXCEPTION 'payment % cannot be rewritten', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."status" IS DISTINCT FROM OLD."status" AND NOT payment_edge_allowed(OLD."direction", OLD."status", NEW."status") THEN
    RAISE EXCEPTION 'payment % cannot go from % to %', OLD."id", OLD."status", NEW."status" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER payment_guard BEFORE INSERT OR UPDATE OR DELETE ON "payment" FOR EACH ROW EXECUTE FUNCTION payment_guard();

-- Every status change: from, to, why, who (`player:<id>`, `staff:<id>`, `provider:<code>`, `system:<job>`), when.
CREATE TABLE "payment_transition" (
    "id" BIGSERIAL NOT NULL,
    "payment_id" TEXT NOT NULL,
    "from_status" "payment_status",
    "to_status" "payment_status" NOT NULL,
    "reason_code" TEXT,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_transition_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payment_transition_actor_check" CHECK ("actor" ~ '^(player|staff|provider|system):.+$')
);
CREATE INDEX "payment_transition_payment_id_id_idx" ON "payment_transition"("payment_id", "id");
ALTER TABLE "payment_transition" ADD CONSTRAINT "payment_transition_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE FUNCTION payment_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is refused: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER payment_transition_append_only BEFORE UPDATE OR DELETE ON "payment_transition" FOR EACH ROW EXECUTE FUNCTION payment_refuse_change();
CREATE TRIGGER payment_transition_no_truncate BEFORE TRUNCATE ON "payment_transition" FOR EACH STATEMENT EXECUTE FUNCTION payment_refuse_change();
CREATE TRIGGER payment_no_truncate BEFORE TRUNCATE ON "payment" FOR EACH STATEMENT EXECUTE FUNCTION payment_refuse_change();

-- ─── Webhooks ────────────────────────────────────────────────────────────────────────────────────────────────
-- Every delivery we received. A verified event is recorded once per (provider, event id) in the same transaction
-- as its effect, so a duplicate finds it and changes nothing. A delivery whose signature failed gets no event id
-- (its body is not trusted, and must not be able to claim a real event's id first).
CREATE TABLE "payment_webhook_event" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "event_id" TEXT,
    "event_type" TEXT,
    "payment_id" TEXT,
    "body_sha256" TEXT NOT NULL,
    "is_signature_valid" BOOLEAN NOT NULL,
    "outcome" "webhook_outcome" NOT NULL,
    "request_id" TEXT,
    "deliveries" INTEGER NOT NULL DEFAULT 1,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_webhook_event_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payment_webhook_event_verified_id_check" CHECK ("is_signature_valid" OR "event_id" IS NULL),
    CONSTRAINT "payment_webhook_event_deliveries_check" CHECK ("deliveries" >= 1)
);
CREATE UNIQUE INDEX "payment_webhook_event_provider_event_id_key" ON "payment_webhook_event"("provider", "event_id");
CREATE INDEX "payment_webhook_event_payment_id_received_at_idx" ON "payment_webhook_event"("payment_id", "received_at");
ALTER TABLE "payment_webhook_event" ADD CONSTRAINT "payment_webhook_event_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── Cashier configuration, routing, provider health, jurisdiction rules ─────────────────────────────────────
-- Methods per country ('*' = every country without a row of its own), currency and direction. A country row
-- replaces the '*' row of the same method (is_enabled false hides the method there).
CREATE TABLE "cashier_method" (
    "country" VARCHAR(2) NOT NULL,
    "currency" VARCHAR(8) NOT NULL,
    "direction" "payment_direction" NOT NULL,
    "method" "payment_method" NOT NULL,
    "is_enabled" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "min_minor" BIGINT NOT NULL,
    "max_minor" BIGINT NOT NULL,
    "fee_fixed_minor" BIGINT NOT NULL DEFAULT 0,
    "fee_bps" INTEGER NOT NULL DEFAULT 0,
    -- Payments a player may start per UTC day with this method (null: no limit).
    "daily_count" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cashier_method_pkey" PRIMARY KEY ("country", "currency", "direction", "method"),
    CONSTRAINT "cashier_method_country_check" CHECK ("country" = '*' OR "country" ~ '^[A-Z]{2}$'),
    CONSTRAINT "cashier_method_range_check" CHECK ("min_minor" > 0 AND "max_minor" >= "min_minor"),
    CONSTRAINT "cashier_method_fee_check" CHECK ("fee_fixed_minor" >= 0 AND "fee_bps" BETWEEN 0 AND 10000),
    CONSTRAINT "cashier_method_daily_count_check" CHECK ("daily_count" IS NULL OR "daily_count" >= 0)
);
ALTER TABLE "cashier_method" ADD CONSTRAINT "cashier_method_currency_fkey" FOREIGN KEY ("currency") REFERENCES "currency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Each method's providers in order: new payments go to the first healthy one.
CREATE TABLE "payment_route" (
    "method" "payment_method" NOT NULL,
    "provider" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "is_enabled" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "payment_route_pkey" PRIMARY KEY ("method", "provider"),
    CONSTRAINT "payment_route_provider_check" CHECK ("provider" ~ '^[a-z0-9][a-z0-9-]{1,31}$')
);
CREATE UNIQUE INDEX "payment_route_method_priority_key" ON "payment_route"("method", "priority");

-- A circuit breaker per provider, fed by our calls and the health job: OPEN after consecutive failures, so
-- routing skips it until a cool-down has passed or a health check succeeds.
CREATE TABLE "payment_provider_health" (
    "provider" TEXT NOT NULL,
    "circuit" "provider_circuit" NOT NULL DEFAULT 'CLOSED',
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "opened_at" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "last_failure_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_provider_health_pkey" PRIMARY KEY ("provider"),
    CONSTRAINT "payment_provider_health_open_check" CHECK (("circuit" = 'OPEN') = ("opened_at" IS NOT NULL))
);

-- Rules that differ by jurisdiction ('*' = the default). GB: a player may not cancel a pending withdrawal.
CREATE TABLE "payment_jurisdiction" (
    "country" VARCHAR(2) NOT NULL,
    "can_cancel_withdrawal" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_jurisdiction_pkey" PRIMARY KEY ("country"),
    CONSTRAINT "payment_jurisdiction_country_check" CHECK ("country" = '*' OR "country" ~ '^[A-Z]{2}$')
);

-- Withdrawals up to this amount are approved without a finance user; a currency without a row always waits.
CREATE TABLE "withdrawal_auto_approval" (
    "currency" VARCHAR(8) NOT NULL,
    "max_auto_minor" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "withdrawal_auto_approval_pkey" PRIMARY KEY ("currency"),
    CONSTRAINT "withdrawal_auto_approval_amount_check" CHECK ("max_auto_minor" >= 0)
);
ALTER TABLE "withdrawal_auto_approval" ADD CONSTRAINT "withdrawal_auto_approval_currency_fkey" FOREIGN KEY ("currency") REFERENCES "currency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── Settlement reconciliation ───────────────────────────────────────────────────────────────────────────────
-- One imported provider settlement report, and one item per line: matched to a payment, or flagged with why.
-- Nothing here changes a payment or the ledger: a flagged item is work for a finance user.
CREATE TABLE "reconciliation_run" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "imported_by" TEXT,
    "report_sha256" TEXT NOT NULL,
    "line_count" INTEGER NOT NULL,
    "matched_count" INTEGER NOT NULL,
    "flagged_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reconciliation_run_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "reconciliation_run_counts_check" CHECK ("matched_count" >= 0 AND "flagged_count" >= 0)
);
CREATE INDEX "reconciliation_run_created_at_idx" ON "reconciliation_run"("created_at");
ALTER TABLE "reconciliation_run" ADD CONSTRAINT "reconciliation_run_imported_by_fkey" FOREIGN KEY ("imported_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "reconciliation_item" (
    "id" BIGSERIAL NOT NULL,
    "run_id" TEXT NOT NULL,
    -- The report line (1 = the first line after the header); 0 for a payment the report should have listed.
    "line" INTEGER NOT NULL,
    "provider_reference" TEXT NOT NULL,
    "merchant_reference" TEXT,
    "payment_id" TEXT,
    "type" TEXT,
    "amount_minor" BIGINT,
    "currency" VARCHAR(8),
    "provider_status" TEXT,
    "settled_at" TIMESTAMPTZ(3),
    "status" "reconciliation_item_status" NOT NULL,
    "reason" TEXT,

    CONSTRAINT "reconciliation_item_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "reconciliation_item_reason_check" CHECK (("status" = 'FLAGGED') = ("reason" IS NOT NULL))
);
CREATE INDEX "reconciliation_item_run_id_id_idx" ON "reconciliation_item"("run_id", "id");
CREATE INDEX "reconciliation_item_payment_id_idx" ON "reconciliation_item"("payment_id");
ALTER TABLE "reconciliation_item" ADD CONSTRAINT "reconciliation_item_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "reconciliation_run"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "reconciliation_item" ADD CONSTRAINT "reconciliation_item_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE TRIGGER reconciliation_item_append_only BEFORE UPDATE OR DELETE ON "reconciliation_item" FOR EACH ROW EXECUTE FUNCTION payment_refuse_change();
