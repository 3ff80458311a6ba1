import type { Db, Prisma, Tx } from "@pitboss/db";

type Client = Db["prisma"] | Tx;

export const adjustmentSelect = {
  id: true,
  playerId: true,
  currency: true,
  amountMinor: true,
  reasonCode: true,
  note: true,
  status: true,
  requiresApproval: true,
  requestedBy: true,
  requestedAt: true,
  idempotencyKey: true,
  decidedBy: true,
  decidedAt: true,
  decisionNote: true,
  txnId: true,
  failureCode: true,
  player: { select: { email: true, displayName: true } },
  requester: { select: { displayName: true } },
  decider: { select: { displayName: true } },
} satisfies Prisma.AdjustmentRequestSelect;

export type AdjustmentRow = Prisma.AdjustmentRequestGetPayload<{ select: typeof adjustmentSelect }>;

export const findAdjustment = (client: Client, id: string) =>
  client.adjustmentRequest.findUnique({ where: { id }, select: adjustmentSelect });

export const findAdjustmentByKey = (client: Client, requestedBy: string, idempotencyKey: string) =>
  client.adjustmentRequest.findUnique({
    where: { requestedBy_idempotencyKey: { requestedBy, idempotencyKey } },
    select: adjustmentSelect,
  });

export const listAdjustments = (db: Db, where: Prisma.AdjustmentRequestWhereInput, take: number) =>
  db.prisma.adjustmentRequest.findMany({ where, select: adjustmentSelect, orderBy: { requestedAt: "desc" }, take });

/** Moves a request from one status to another only if it is still in `from`; false when someone else moved it. */
export const transition = async (
  client: Client,
  id: string,
  from: Prisma.AdjustmentRequestWhereInput["status"],
  data: Prisma.AdjustmentRequestUncheckedUpdateManyInput,
) => (await client.adjustmentRequest.updateMany({ where: { id, status: from }, data })).count === 1;

/** Pending requests someone other than their requester (`viewerId`) must decide. */
export const countPendingFor = (db: Db, viewerId: string) =>
  db.prisma.adjustmentRequest.count({ where: { status: "PENDING", requestedBy: { not: viewerId } } });
