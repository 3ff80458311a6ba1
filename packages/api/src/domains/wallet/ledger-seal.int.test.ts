import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/context";
import { createFundedPlayer } from "../../testing/wallet";
import { debitStake } from "./debit-stake";
import { sealLedger, verifyLedger } from "./ledger-seal";

const deps = createTestDeps();
afterAll(() => deps.db.close());

/** Alters a row the way an attacker with database access would: bypassing the append-only triggers. */
const tamper = async (sql: string, params: unknown[]) => {
  const client = await deps.db.pool.connect();
  try {
    await client.query("SET session_replication_role = replica");
    await client.query(sql, params);
  } finally {
    await client.query("SET session_replication_role = origin");
    client.release();
  }
};

describe("ledger tamper evidence", () => {
  it("seals every final posting into a hash chain and names the first altered row", async () => {
    const player = await createFundedPlayer(deps, 10_000n);
    const bets = [];
    for (let i = 0; i < 5; i++) {
      bets.push(
        await debitStake(deps, {
          playerId: player.id,
          currency: "EUR",
          amountMinor: 100n,
          houseScope: "pitboss",
          idempotencyKey: randomUUID(),
        }),
      );
    }
    const sealed = await sealLedger(deps, 3);
    expect(sealed.sealed).toBeGreaterThanOrEqual(15);
    expect(await verifyLedger(deps)).toMatchObject({ isIntact: true, firstBadPostingId: null });

    const { rows } = await deps.db.pool.query<{ id: string; created_at: Date }>(
      "SELECT id::text, created_at FROM posting WHERE txn_id = $1 ORDER BY id LIMIT 1",
      [bets[2]?.txnId],
    );
    const target = rows[0] as { id: string; created_at: Date };
    await tamper("UPDATE posting SET created_at = created_at - interval '1 day' WHERE id = $1", [target.id]);
    try {
      expect(await verifyLedger(deps)).toMatchObject({
        isIntact: false,
        firstBadPostingId: Number(target.id),
        reason: "altered",
      });
    } finally {
      await tamper("UPDATE posting SET created_at = $2 WHERE id = $1", [target.id, target.created_at]);
    }
    expect((await verifyLedger(deps)).isIntact).toBe(true);

    // Rewriting a transaction header (here its round reference) breaks the chain at its first posting.
    await tamper("UPDATE ledger_txn SET round_id = 'rnd_forged' WHERE id = $1", [bets[3]?.txnId]);
    try {
      const verdict = await verifyLedger(deps);
      const first = await deps.db.pool.query<{ id: string }>(
        "SELECT min(id)::text AS id FROM posting WHERE txn_id = $1",
        [bets[3]?.txnId],
      );
      expect(verdict).toMatchObject({ isIntact: false, firstBadPostingId: Number(first.rows[0]?.id) });
    } finally {
      await tamper("UPDATE ledger_txn SET round_id = NULL WHERE id = $1", [bets[3]?.txnId]);
    }
  });

  it("refuses to let anyone rewrite the seals themselves", async () => {
    await sealLedger(deps);
    await expect(deps.db.pool.query("UPDATE posting_seal SET chain_hash = 'x'")).rejects.toThrow(/APPEND_ONLY/);
  });
});
