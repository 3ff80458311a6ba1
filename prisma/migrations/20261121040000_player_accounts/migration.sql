-- Player accounts: email verification, password reset, sign-in throttling, sign out everywhere, the mail outbox
-- (until SMTP is configured) and lobby favourites.
-- Enforced here, whatever the code does:
--   * tokens are stored only as SHA-256 hashes, are single-use (used_at set once, never cleared) and expire;
--   * a player's session version only grows (sign out everywhere = +1; a JWT carrying an older one is refused).

CREATE TYPE "player_token_purpose" AS ENUM ('VERIFY_EMAIL', 'RESET_PASSWORD');
CREATE TYPE "auth_attempt_kind" AS ENUM ('SIGN_IN', 'PASSWORD_RESET');

ALTER TABLE "player" ADD COLUMN "email_verified_at" TIMESTAMPTZ(3),
ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE "player" ADD CONSTRAINT "player_session_version_check" CHECK ("session_version" >= 0);

CREATE TABLE "player_token" (
    "id" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "purpose" "player_token_purpose" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "player_token_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "player_token_expiry_check" CHECK ("expires_at" > "created_at")
);
CREATE UNIQUE INDEX "player_token_token_hash_key" ON "player_token"("token_hash");
CREATE INDEX "player_token_player_id_purpose_idx" ON "player_token"("player_id", "purpose");
ALTER TABLE "player_token" ADD CONSTRAINT "player_token_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Single use: once used, a token stays used.
CREATE FUNCTION player_token_used_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."used_at" IS NOT NULL AND NEW."used_at" IS DISTINCT FROM OLD."used_at" THEN
    RAISE EXCEPTION 'player_token % was already used', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."token_hash" <> OLD."token_hash" OR NEW."expires_at" <> OLD."expires_at" THEN
    RAISE EXCEPTION 'player_token % cannot be rewritten', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER player_token_used_once BEFORE UPDATE ON "player_token" FOR EACH ROW EXECUTE FUNCTION player_token_used_once();

-- Sign out everywhere: the counter never goes back, so an old session can never become valid again.
CREATE FUNCTION player_session_version_grows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."session_version" < OLD."session_version" THEN
    RAISE EXCEPTION 'player % session_version cannot decrease', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER player_session_version_grows BEFORE UPDATE OF "session_version" ON "player" FOR EACH ROW EXECUTE FUNCTION player_session_version_grows();

-- Throttling: every sign-in and password-reset request, keyed by the (lower-cased) email and the client IP.
-- Unknown emails are recorded exactly like known ones, so the throttle answers both the same way.
CREATE TABLE "auth_attempt" (
    "id" TEXT NOT NULL,
    "kind" "auth_attempt_kind" NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "is_success" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_attempt_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "auth_attempt_email_lower_check" CHECK ("email" = lower("email"))
);
CREATE INDEX "auth_attempt_email_ip_created_at_idx" ON "auth_attempt"("email", "ip", "created_at");
CREATE INDEX "auth_attempt_ip_created_at_idx" ON "auth_attempt"("ip", "created_at");

-- Mail the platform sends. Without SMTP it stays here and the demo shows it at /dev/outbox; an SMTP sender
-- (later) delivers unsent rows and sets sent_at.
CREATE TABLE "mail_outbox" (
    "id" TEXT NOT NULL,
    "player_id" TEXT,
    "to_address" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body_text" TEXT NOT NULL,
    "action_path" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "mail_outbox_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "mail_outbox_created_at_idx" ON "mail_outbox"("created_at");
CREATE INDEX "mail_outbox_to_address_created_at_idx" ON "mail_outbox"("to_address", "created_at");
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Lobby favourites.
CREATE TABLE "favourite_game" (
    "player_id" TEXT NOT NULL,
    "game_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "favourite_game_pkey" PRIMARY KEY ("player_id", "game_id")
);
ALTER TABLE "favourite_game" ADD CONSTRAINT "favourite_game_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "favourite_game" ADD CONSTRAINT "favourite_game_game_id_fkey" FOREIGN KEY ("game_id") REFERENCES "game"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
