import { afterAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { auditRowsWhere, signInTestStaff, testAuditContext } from "../../testing/staff";
import { verifyAudit } from "./verify-audit";
import { writeAudit } from "./write-audit";

const deps = createTestDeps();
afterAll(() => deps.db.close());

const sqlError = async (sql: string, values: unknown[] = []) => {
  try {
    await deps.db.pool.query(sql, values);
    return "NO_ERROR";
  } catch (error) {
    return `${(error as { code?: string }).code} ${(error as Error).message}`;
  }
};

describe("audit trail", () => {
  it("chains every row to the one before it, whatever the writer sends", async () => {
    const context = testAuditContext({ type: "SYSTEM", id: null });
    const marker = `test.chain.${Date.now()}`;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        writeAudit(deps.db.prisma, deps, context, { action: marker, after: { i, big: 10n ** 20n } }),
      ),
    );
    const { rows } = await deps.db.pool.query<{
      seq: string;
      prev_hash: string;
      hash: string;
      previous: string | null;
    }>(
      `SELECT a.seq::text, a.prev_hash, a.hash, (SELECT hash FROM audit_log p WHERE p.seq = a.seq - 1) AS previous
         FROM audit_log a WHERE action = $1 ORDER BY seq`,
      [marker],
    );
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.prev_hash).toBe(row.previous ?? "0".repeat(64));
    }
    const stored = await auditRowsWhere(deps, { action: marker });
    expect(stored[0]?.after).toMatchObject({ big: "100000000000000000000" });
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database", async () => {
    await writeAudit(deps.db.prisma, deps, testAuditContext(), { action: "test.append_only" });
    expect(await sqlError("UPDATE audit_log SET reason = 'x' WHERE action = 'test.append_only'")).toMatch(
      /^PB009 APPEND_ONLY/,
    );
    expect(await sqlError("DELETE FROM audit_log WHERE action = 'test.append_only'")).toMatch(/^PB009 APPEND_ONLY/);
    expect(await sqlError("TRUNCATE audit_log")).toMatch(/^PB009 APPEND_ONLY/);
  });

  it("verifies intact, names the first row altered behind the triggers' back, and is intact again once restored", async () => {
    await writeAudit(deps.db.prisma, deps, testAuditContext(), { action: "test.before_tamper" });
    expect(await verifyAudit(deps)).toMatchObject({ isIntact: true, firstBadId: null });
    await writeAudit(deps.db.prisma, deps, testAuditContext(), { action: "test.tamper_target", reason: "original" });
    const [target] = await deps.db.prisma.auditLog.findMany({
      where: { action: "test.tamper_target" },
      select: { id: true, seq: true },
    });
    await writeAudit(deps.db.prisma, deps, testAuditContext(), { action: "test.after_tamper" });

    const client = await deps.db.pool.connect();
    try {
      await client.query("SET session_replication_role = replica");
      await client.query("UPDATE audit_log SET reason = 'rewritten' WHERE id = $1", [target?.id]);
      const broken = await verifyAudit(deps);
      expect(broken).toMatchObject({ isIntact: false, firstBadId: target?.id, reason: "altered" });
      expect(broken.firstBad?.reason).toBe("rewritten");
      await client.query("UPDATE audit_log SET reason = 'original' WHERE id = $1", [target?.id]);
    } finally {
      await client.query("SET session_replication_role = origin");
      client.release();
    }
    expect(await verifyAudit(deps)).toMatchObject({ isIntact: true });
  });

  it("lists with filters, exports CSV (audited) and verifies through admin procedures", async () => {
    const auditor = await signInTestStaff(deps, ["AUDITOR"]);
    const caller = createTestCaller(deps, { app: "admin", staff: auditor.staff });
    const page = await caller.admin.audit.list({ actorId: auditor.id, limit: 2 });
    expect(page.items.map((r) => r.action)).toEqual(["staff.auth.sign_in", "staff.mfa.enrol_confirm"]);
    expect(page.nextCursor).not.toBeNull();
    const rest = await caller.admin.audit.list({ actorId: auditor.id, cursor: page.nextCursor ?? undefined });
    expect(rest.items.map((r) => r.action)).toEqual(["staff.mfa.enrol_start"]);
    expect((await caller.admin.audit.list({ actorId: auditor.id, action: "staff.mfa." })).items).toHaveLength(2);
    expect((await caller.admin.audit.list({ actorId: auditor.id, outcome: "DENIED" })).items).toHaveLength(0);

    const exported = await caller.admin.audit.export({ actorId: auditor.id });
    const lines = exported.csv.split("\r\n");
    expect(lines[0]).toBe(
      "seq,id,createdAt,actorType,actorId,action,outcome,targetType,targetId,reason,errorCode,before,after,ip,userAgent,requestId,hash",
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain("staff.auth.sign_in");
    expect((await auditRowsWhere(deps, { actorId: auditor.id, action: "audit.export" }))[0]?.after).toMatchObject({
      rows: 3,
    });
    expect(await caller.admin.audit.verify()).toMatchObject({ isIntact: true });
  });

  it("neutralises spreadsheet formulas in the CSV", async () => {
    const auditor = await signInTestStaff(deps, ["AUDITOR"]);
    await writeAudit(deps.db.prisma, deps, testAuditContext(), {
      action: "test.csv",
      targetId: auditor.id,
      reason: '=HYPERLINK("http://evil", "click")',
    });
    const { csv } = await createTestCaller(deps, { app: "admin", staff: auditor.staff }).admin.audit.export({
      targetId: auditor.id,
      action: "test.csv",
    });
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"", ""click"")"`);
  });
});
