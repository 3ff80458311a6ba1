import type { Db, Prisma } from "@pitboss/db";
import type { z } from "zod";
import type { auditFilters } from "./audit.schemas";

export const auditRowSelect = {
  id: true,
  seq: true,
  createdAt: true,
  actorType: true,
  actorId: true,
  action: true,
  outcome: true,
  targetType: true,
  targetId: true,
  before: true,
  after: true,
  reason: true,
  errorCode: true,
  ip: true,
  userAgent: true,
  requestId: true,
  hash: true,
} satisfies Prisma.AuditLogSelect;

export const auditWhere = (filters: z.output<typeof auditFilters>, beforeSeq?: bigint): Prisma.AuditLogWhereInput => ({
  ...(filters.actorId ? { actorId: filters.actorId } : {}),
  ...(filters.targetId ? { targetId: filters.targetId } : {}),
  ...(filters.action ? { action: { startsWith: filters.action } } : {}),
  ...(filters.outcome ? { outcome: filters.outcome } : {}),
  ...(filters.from || filters.to
    ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } }
    : {}),
  ...(beforeSeq ? { seq: { lt: beforeSeq } } : {}),
});

export const findAuditRows = (db: Db, where: Prisma.AuditLogWhereInput, take: number) =>
  db.prisma.auditLog.findMany({ where, select: auditRowSelect, orderBy: { seq: "desc" }, take });

export type AuditVerification = {
  isIntact: boolean;
  checked: number;
  firstBadId: string | null;
  firstBadSeq: number | null;
  reason: "missing" | "relinked" | "altered" | null;
};

export const runAuditVerify = async (db: Db): Promise<AuditVerification> =>
  (await db.pool.query<{ r: AuditVerification }>("SELECT audit_verify() AS r")).rows[0]?.r as AuditVerification;

export const findAuditRowById = (db: Db, id: string) =>
  db.prisma.auditLog.findUnique({ where: { id }, select: auditRowSelect });
