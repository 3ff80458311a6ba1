-- Back office: staff sessions and MFA state, recovery codes, the hash-chained audit log, player notes, tags and
-- restrictions, manual adjustment requests (four-eyes) and ADMIN role grant requests.
-- Enforced here, whatever the code does:
--   * audit_log rows are never updated, deleted or truncated (triggers), and every inserted row is chained to the
--     previous one (seq, prev_hash, hash computed by a trigger under an advisory lock);
--   * a four-eyes decision is never taken by the requester (check constraints);
--   * a player has at most one active restriction of each type (partial unique index).

CREATE TYPE "audit_actor_type" AS ENUM ('STAFF', 'PLAYER', 'SYSTEM', 'ANONYMOUS');
CREATE TYPE "audit_outcome" AS ENUM ('SUCCESS', 'DENIED');
CREATE TYPE "player_restriction_type" AS ENUM ('BLOCK_DEPOSITS', 'BLOCK_BETTING', 'BLOCK_WITHDRAWALS', 'SUSPEND', 'CLOSE');
CREATE TYPE "adjustment_reason" AS ENUM ('GOODWILL', 'GAME_MALFUNCTION', 'PAYMENT_CORRECTION', 'BONUS_CORRECTION', 'CHARGEBACK', 'FRAUD_RECOVERY', 'OTHER');
CREATE TYPE "adjustment_status" AS ENUM ('PENDING', 'APPROVED', 'EXECUTED', 'REJECTED', 'FAILED');
CREATE TYPE "role_request_status" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- ─── Staff: MFA state, lockout, sessions, recovery codes ──────────────────────────────────────────────────
ALTER TABLE "staff_user" ADD COLUMN "mfa_enrolled_at" TIMESTAMPTZ(3),
ADD COLUMN "mfa_last_step" BIGINT,
ADD COLUMN "failed_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "locked_until" TIMESTAMPTZ(3),
ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "staff_user" ADD CONSTRAINT "staff_user_mfa_enrolled_has_secret" CHECK ("mfa_enrolled_at" IS NULL OR "mfa_secret" IS NOT NULL);

CREATE TABLE "staff_session" (
    "id" TEXT NOT NULL,
    "staff_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "ip" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "mfa_passed_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by" TEXT,
    "revoke_reason" TEXT,

    CONSTRAINT "staff_session_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "staff_session_token_hash_key" ON "staff_session"("token_hash");
CREATE INDEX "staff_session_staff_id_created_at_idx" ON "staff_session"("staff_id", "created_at");
ALTER TABLE "staff_session" ADD CONSTRAINT "staff_session_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "staff_recovery_code" (
    "id" TEXT NOT NULL,
    "staff_id" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "staff_recovery_code_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "staff_recovery_code_staff_id_idx" ON "staff_recovery_code"("staff_id");
ALTER TABLE "staff_recovery_code" ADD CONSTRAINT "staff_recovery_code_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "staff_role_request" (
    "id" TEXT NOT NULL,
    "staff_id" TEXT NOT NULL,
    "roles" "staff_role"[],
    "status" "role_request_status" NOT NULL DEFAULT 'PENDING',
    "requested_by" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "staff_role_request_pkey" PRIMARY KEY ("id"),
    -- Four-eyes: a second admin decides, never the one who asked (nor the one who would gain the role).
    CONSTRAINT "staff_role_request_four_eyes" CHECK ("decided_by" IS NULL OR ("decided_by" <> "requested_by" AND "decided_by" <> "staff_id")),
    CONSTRAINT "staff_role_request_decided" CHECK (("status" = 'PENDING') = ("decided_by" IS NULL))
);
CREATE INDEX "staff_role_request_status_requested_at_idx" ON "staff_role_request"("status", "requested_at");
CREATE INDEX "staff_role_request_staff_id_idx" ON "staff_role_request"("staff_id");
ALTER TABLE "staff_role_request" ADD CONSTRAINT "staff_role_request_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "staff_role_request" ADD CONSTRAINT "staff_role_request_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "staff_role_request" ADD CONSTRAINT "staff_role_request_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── Player 360: notes, tags, restrictions ─────────────────────────────────────────────────────────────────
CREATE TABLE "player_note" (
    "id" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "player_note_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "player_note_body_length" CHECK (char_length("body") BETWEEN 1 AND 4000)
);
CREATE INDEX "player_note_player_id_created_at_idx" ON "player_note"("player_id", "created_at");
ALTER TABLE "player_note" ADD CONSTRAINT "player_note_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "player_note" ADD CONSTRAINT "player_note_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "player_tag" (
    "player_id" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "player_tag_pkey" PRIMARY KEY ("player_id", "tag"),
    CONSTRAINT "player_tag_format" CHECK ("tag" ~ '^[a-z0-9][a-z0-9-]{0,39}$')
);
CREATE INDEX "player_tag_tag_idx" ON "player_tag"("tag");
ALTER TABLE "player_tag" ADD CONSTRAINT "player_tag_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "player_tag" ADD CONSTRAINT "player_tag_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "player_restriction" (
    "id" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "type" "player_restriction_type" NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lifted_at" TIMESTAMPTZ(3),
    "lifted_by" TEXT,
    "lift_reason" TEXT,

    CONSTRAINT "player_restriction_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "player_restriction_reason_given" CHECK (char_length(btrim("reason")) >= 3),
    CONSTRAINT "player_restriction_lifted" CHECK (("lifted_at" IS NULL) = ("lifted_by" IS NULL) AND ("lifted_at" IS NULL) = ("lift_reason" IS NULL))
);
CREATE INDEX "player_restriction_player_id_created_at_idx" ON "player_restriction"("player_id", "created_at");
-- SQL only (partial): at most one active restriction of each type per player.
CREATE UNIQUE INDEX "player_restriction_active_key" ON "player_restriction"("player_id", "type") WHERE "lifted_at" IS NULL;
ALTER TABLE "player_restriction" ADD CONSTRAINT "player_restriction_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "player_restriction" ADD CONSTRAINT "player_restriction_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "player_restriction" ADD CONSTRAINT "player_restriction_lifted_by_fkey" FOREIGN KEY ("lifted_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── Manual adjustments: request → (second approver) → ledger ────────────────────────────────────────────
CREATE TABLE "adjustment_request" (
    "id" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "currency" VARCHAR(8) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "reason_code" "adjustment_reason" NOT NULL,
    "note" TEXT NOT NULL,
    "status" "adjustment_status" NOT NULL,
    "requires_approval" BOOLEAN NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idempotency_key" TEXT NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "txn_id" TEXT,
    "failure_code" TEXT,

    CONSTRAINT "adjustment_request_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "adjustment_request_amount_not_zero" CHECK ("amount_minor" <> 0),
    CONSTRAINT "adjustment_request_note_given" CHECK (char_length(btrim("note")) >= 3),
    -- Four-eyes: the requester never decides their own request.
    CONSTRAINT "adjustment_request_four_eyes" CHECK ("decided_by" IS NULL OR "decided_by" <> "requested_by"),
    -- A request that needs approval only leaves PENDING through a second person's decision.
    CONSTRAINT "adjustment_request_approved_by_someone" CHECK (NOT "requires_approval" OR "status" = 'PENDING' OR "decided_by" IS NOT NULL),
    CONSTRAINT "adjustment_request_executed_has_txn" CHECK (("status" = 'EXECUTED') = ("txn_id" IS NOT NULL))
);
CREATE UNIQUE INDEX "adjustment_request_requested_by_idempotency_key_key" ON "adjustment_request"("requested_by", "idempotency_key");
CREATE INDEX "adjustment_request_status_requested_at_idx" ON "adjustment_request"("status", "requested_at");
CREATE INDEX "adjustment_request_player_id_requested_at_idx" ON "adjustment_request"("player_id", "requested_at");
ALTER TABLE "adjustment_request" ADD CONSTRAINT "adjustment_request_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "adjustment_request" ADD CONSTRAINT "adjustment_request_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "adjustment_request" ADD CONSTRAINT "adjustment_request_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── Audit trail: append-only, hash-chained ──────────────────────────────────────────────────────────────
CREATE TABLE "audit_log" (
    "id" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" "audit_actor_type" NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "outcome" "audit_outcome" NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "error_code" TEXT,
    "ip" TEXT,
    "user_agent" TEXT,
    "request_id" TEXT,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "audit_log_seq_key" ON "audit_log"("seq");
CREATE INDEX "audit_log_actor_id_seq_idx" ON "audit_log"("actor_id", "seq");
CREATE INDEX "audit_log_target_id_seq_idx" ON "audit_log"("target_id", "seq");
CREATE INDEX "audit_log_action_seq_idx" ON "audit_log"("action", "seq");
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");

-- The canonical form of a row that the chain hashes: a JSON array, so no field can bleed into the next.
CREATE FUNCTION audit_row_hash(r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(r.prev_hash || '|' || jsonb_build_array(
    r.id, r.seq, to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), r.actor_type, r.actor_id,
    r.action, r.outcome, r.target_type, r.target_id, r.before, r.after, r.reason, r.error_code, r.ip, r.user_agent,
    r.request_id)::text, 'UTF8')), 'hex')
$$;

/*
 * Chains every new row to the previous one: under an advisory lock (held to commit, so appends are serialised
 * in commit order), seq = last seq + 1 (gapless: a gap means a deleted row), prev_hash = last hash, hash =
 * SHA-256(prev_hash | canonical row). Whatever the inserter sends for these three columns is overwritten.
 */
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(7262017003);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_row_hash(NEW);
  RETURN NEW;
END $$;

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'APPEND_ONLY' USING ERRCODE = 'PB009',
    DETAIL = format('%s on %s is refused: the audit log is append-only', TG_OP, TG_TABLE_NAME);
END $$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

/*
 * Walks the chain in seq order and returns the first row that breaks it: 'missing' (a seq was skipped: the row
 * before this one was deleted), 'relinked' (its prev_hash is not the previous row's hash) or 'altered' (its
 * content no longer hashes to its hash), with the row's id and seq; or isIntact when every row checks out.
 */
CREATE FUNCTION audit_verify() RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
DECLARE
  r record;
  expected_seq bigint := 1;
  expected_prev text := repeat('0', 64);
  checked bigint := 0;
  problem text;
BEGIN
  FOR r IN SELECT a.id, a.seq, a.prev_hash, a.hash, audit_row_hash(a) AS computed FROM audit_log a ORDER BY a.seq LOOP
    problem := CASE
      WHEN r.seq <> expected_seq THEN 'missing'
      WHEN r.prev_hash <> expected_prev THEN 'relinked'
      WHEN r.computed <> r.hash THEN 'altered'
    END;
    IF problem IS NOT NULL THEN
      RETURN jsonb_build_object('isIntact', false, 'checked', checked, 'firstBadId', r.id, 'firstBadSeq', r.seq, 'reason', problem);
    END IF;
    expected_seq := expected_seq + 1;
    expected_prev := r.hash;
    checked := checked + 1;
  END LOOP;
  RETURN jsonb_build_object('isIntact', true, 'checked', checked, 'firstBadId', NULL, 'firstBadSeq', NULL, 'reason', NULL);
END $$;
