-- Fewer index entries per write: every ledger transaction and every studio transaction wrote index entries that no
-- query reads (a studio bet wrote 24 beside its 8 rows). Measured with `npm run bench:instructions` (PostgreSQL 17,
-- callgrind): a studio bet in a batch of 32 from 1,748,039 to 1,729,515 instructions, a wallet bet from 1,332,908 to
-- 1,316,523: some 6,000 to 8,000 instructions an index entry. The rows and the statements cost far more.

-- ─── ledger_txn: the two mostly-empty keys, indexed only where set ───────────────────────────────────────────
-- payment_id is set only on deposits and withdrawals, reverses_txn_id only on reversals; every bet, win and bonus
-- wrote a NULL entry into both. Each lookup names a value (`payment_id = $1`, `reverses_txn_id = $1`), which the
-- planner proves is not null, so the partial index serves it; the unique key still refuses a second reversal of one
-- transaction under the same name (wallet.repo.ts maps that violation to ALREADY_REVERSED). schema.prisma keeps both
-- as they were (the columns and kinds schema-agreement.int.test.ts compares are unchanged). Building an index holds
-- writes to ledger_txn until it is built: on an installation with a large ledger, run this in a quiet hour.
DROP INDEX "ledger_txn_payment_id_idx";
CREATE INDEX "ledger_txn_payment_id_idx" ON "ledger_txn"("payment_id") WHERE "payment_id" IS NOT NULL;
DROP INDEX "ledger_txn_reverses_txn_id_key";
CREATE UNIQUE INDEX "ledger_txn_reverses_txn_id_key" ON "ledger_txn"("reverses_txn_id") WHERE "reverses_txn_id" IS NOT NULL;

-- ─── bridge_transaction: no index by time ────────────────────────────────────────────────────────────────────
-- (provider, created_at) was made for reports by time that read rounds instead (open-rounds.ts) or look
-- transactions up by their ids (reconcile-report.ts); no query uses it.
DROP INDEX "bridge_transaction_provider_created_at_idx";
