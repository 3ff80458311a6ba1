import type { Db, Prisma, Tx } from "@pitboss/db";
import type { MoneyTx } from "../money-transaction";

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

/**
 * Locks the request row for the rest of the transaction and returns its status: whoever holds the lock is the
 * only one posting it, so racing approvers and retries after them find it EXECUTED and do nothing.
 */
export const lockAdjustmentStatus = async (tx: MoneyTx, id: string) => {
  const [row] = await tx.query<{ status: string }>("SELECT status FROM adjustment_request WHERE id = $1 FOR UPDATE", [
    id,
  ]);
  return row?.status;
};

/** APPROVED → EXECUTED with the ledger transaction, in the transaction that posted it and holds the row's lock. */
export const markExecuted = async (tx: MoneyTx, id: string, txnId: string) => {
  await tx.query("UPDATE adjustment_request SET status = 'EXECUTED', txn_id = $2 WHERE id = $1", [id, txnId]);
};

/**
 * Serialises the four-eyes decisions of one requester for one player until the transaction ends: the running
 * total read next cannot change under it, so parallel requests cannot each slip under the threshold.
 */
export const lockRequesterPlayer = (tx: Tx, requestedBy: string, playerId: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`adjustment:${requestedBy}:${playerId}`}, 0))`;

/**
 * Sum of absolute amounts (minor units) this requester asked for this player in this currency since `since`, of
 * requests that moved or may still move money: PENDING, APPROVED (being posted) and EXECUTED. REJECTED and FAILED
 * moved nothing. A debit does not offset a credit: both are money staff moved by hand.
 */
export const sumAdjustedSince = async (
  tx: Tx,
  where: { requestedBy: string; playerId: string; currency: string; since: Date },
): Promise<bigint> => {
  const [row] = await tx.$queryRaw<{ total: bigint }[]>`
    SELECT coalesce(sum(abs(amount_minor)), 0)::bigint AS total FROM adjustment_request
     WHERE player_id = ${where.playerId} AND requested_by = ${where.requestedBy} AND currency = ${where.currency}
       AND requested_at > ${where.since} AND status IN ('PENDING', 'APPROVED', 'EXECUTED')`;
  return row?.total ?? 0n;
};

/** Pending requests someone other than their requester (`viewerId`) must decide. */
export const countPendingFor = (db: Db, viewerId: string) =>
  db.prisma.adjustmentRequest.count({ where: { status: "PENDING", requestedBy: { not: viewerId } } });
