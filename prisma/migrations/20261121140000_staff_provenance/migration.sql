-- ─── Who created each staff account, and what a role request changes ─────────────────────────────────────
-- Four eyes means two people. Whoever creates a staff account holds its one-time password until it is changed,
-- and may have created it for an address they control; so the creator and the account they created never count
-- as each other's second approver (staff/independent-decider.ts). Accounts created before this migration, and the
-- ones the seed and the bootstrap command create, have no creator.
ALTER TABLE "staff_user" ADD COLUMN "created_by" TEXT;
ALTER TABLE "staff_user" ADD CONSTRAINT "staff_user_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "staff_user" ADD CONSTRAINT "staff_user_not_self_created" CHECK ("created_by" IS NULL OR "created_by" <> "id");

-- A role request replaces the staff member's roles with `roles`. `roles_before` is what they were when it was
-- filed: an approval applies only while they still are, so approving an old request cannot undo a later change
-- (a role removed since comes back). Requests filed before this migration take the roles as they are now, which
-- is how they were approved until now.
ALTER TABLE "staff_role_request" ADD COLUMN "roles_before" "staff_role"[];
-- (Nullable like every Prisma scalar list; nothing writes null.)
UPDATE "staff_role_request" r SET "roles_before" = coalesce(s."roles", '{}') FROM "staff_user" s WHERE s."id" = r."staff_id";
