-- Foundation: currencies, players, staff, games.

CREATE TYPE "player_status" AS ENUM ('ACTIVE', 'SUSPENDED', 'CLOSED');
CREATE TYPE "staff_role" AS ENUM ('SUPPORT', 'RISK', 'FINANCE', 'MARKETING', 'ADMIN', 'AUDITOR');

CREATE TABLE "currency" (
    "code" VARCHAR(8) NOT NULL,
    "exponent" SMALLINT NOT NULL,
    "name" TEXT NOT NULL,
    "is_crypto" BOOLEAN NOT NULL DEFAULT false,
    "is_enabled" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "currency_pkey" PRIMARY KEY ("code"),
    CONSTRAINT "currency_exponent_check" CHECK ("exponent" BETWEEN 0 AND 18)
);

-- Reference data: the exponent is part of what an amount means, so it ships with the schema.
INSERT INTO "currency" ("code", "exponent", "name", "is_crypto") VALUES
    ('EUR', 2, 'Euro', false),
    ('USD', 2, 'US Dollar', false),
    ('GBP', 2, 'Pound Sterling', false),
    ('BRL', 2, 'Brazilian Real', false),
    ('TRY', 2, 'Turkish Lira', false),
    ('JPY', 0, 'Japanese Yen', false),
    ('BTC', 8, 'Bitcoin', true),
    ('USDT', 6, 'Tether USD', true);

CREATE TABLE "player" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "date_of_birth" DATE NOT NULL,
    "currency" VARCHAR(8) NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "status" "player_status" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "player_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "player_email_lower_check" CHECK ("email" = lower("email"))
);
CREATE UNIQUE INDEX "player_email_key" ON "player"("email");
ALTER TABLE "player" ADD CONSTRAINT "player_currency_fkey" FOREIGN KEY ("currency") REFERENCES "currency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "staff_user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "roles" "staff_role"[],
    "mfa_secret" TEXT,
    "is_disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "staff_user_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_user_email_lower_check" CHECK ("email" = lower("email"))
);
CREATE UNIQUE INDEX "staff_user_email_key" ON "staff_user"("email");

CREATE TABLE "game" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "rtp_bps" INTEGER NOT NULL,
    "is_enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "game_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "game_rtp_bps_check" CHECK ("rtp_bps" BETWEEN 0 AND 10000)
);
CREATE UNIQUE INDEX "game_slug_key" ON "game"("slug");
CREATE INDEX "game_provider_idx" ON "game"("provider");
