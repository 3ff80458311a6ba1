-- Player 360: search by phone. A player's phone number is optional and stored in E.164 ("+" then up to 15
-- digits, no spaces), so staff find it by prefix whatever formatting they typed.
ALTER TABLE "player" ADD COLUMN "phone" TEXT;
ALTER TABLE "player" ADD CONSTRAINT "player_phone_e164_check" CHECK ("phone" ~ '^\+[1-9][0-9]{1,14}$');

-- text_pattern_ops: serves prefix search (LIKE '+4915%') as well as equality, whatever the database collation.
CREATE INDEX "player_phone_idx" ON "player"("phone" text_pattern_ops);
