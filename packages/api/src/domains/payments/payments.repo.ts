import { type Db, DomainError, type Prisma } from "@pitboss/db";
import type { MoneyTx } from "../money-transaction";
import type { PaymentDirection, PaymentMethod, PaymentStatus } from "./payments.schemas";

type Client = Db["prisma"] | Prisma.TransactionClient;

export const paymentSelect = {
  id: true,
  playerId: true,
  direction: true,
  method: true,
  status: true,
  provider: true,
  providerPaymentId: true,
  currency: true,
  amountMinor: true,
  feeMinor: true,
  country: true,
  reasonCode: true,
  idempotencyKey: true,
  redirectUrl: true,
  expiresAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.PaymentSelect;

export type PaymentRow = Prisma.PaymentGetPayload<{ select: typeof paymentSelect }>;

export const findPayment = (client: Client, id: string) =>
  client.payment.findUnique({ where: { id }, select: paymentSelect });

/** A payment known to exist (just written or read): reading it back must not fail. */
export const mustFindPayment = async (db: Db, id: string) => {
  const payment = await findPayment(db.prisma, id);
  if (!payment) throw new DomainError("INTERNAL", { message: `payment ${id} vanished` });
  return payment;
};

export const findPaymentByKey = (client: Client, playerId: string, idempotencyKey: string) =>
  client.payment.findUnique({
    where: { playerId_idempotencyKey: { playerId, idempotencyKey } },
    select: paymentSelect,
  });

// ─── Writes inside a payment transaction (money-transaction.ts): plain SQL on its connection ────────────────

/** Serialises one player's payment starts (daily counts, a double submit), for this transaction only. */
export const lockPlayerPayments = (tx: MoneyTx, playerId: string) =>
  tx.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`payment:${playerId}`]);

/** Payments the player started today (UTC) with this method and direction, whatever became of them. */
export const countPaymentsSince = async (
  tx: MoneyTx,
  playerId: string,
  direction: PaymentDirection,
  method: PaymentMethod,
  since: Date,
) => {
  const [row] = await tx.query<{ count: string }>(
    `SELECT count(*)::text AS count FROM payment
      WHERE player_id = $1 AND direction = $2::payment_direction AND method = $3::payment_method AND created_at >= $4`,
    [playerId, direction, method, since],
  );
  return Number(row?.count ?? 0);
};

export type NewPayment = {
  id: string;
  playerId: string;
  direction: PaymentDirection;
  method: PaymentMethod;
  currency: string;
  amountMinor: bigint;
  feeMinor: bigint;
  country: string;
  idempotencyKey: string;
  expiresAt: Date | null;
  at: Date;
};

/** Inserts a payment at its first status, with the first history row. False when the player's key is taken. */
export const insertPayment = async (tx: MoneyTx, payment: NewPayment, actor: string) => {
  const status = payment.direction === "DEPOSIT" ? "INITIATED" : "REQUESTED";
  const rows = await tx.query(
    `INSERT INTO payment (id, player_id, direction, method, status, currency, amount_minor, fee_minor, country,
                          idempotency_key, expires_at, created_at, updated_at)
     VALUES ($1, $2, $3::payment_direction, $4::payment_method, $5::payment_status, $6, $7, $8, $9, $10, $11, $12, $12)
     ON CONFLICT (player_id, idempotency_key) DO NOTHING
     RETURNING id`,
    [
      payment.id,
      payment.playerId,
      payment.direction,
      payment.method,
      status,
      payment.currency,
      payment.amountMinor,
      payment.feeMinor,
      payment.country,
      payment.idempotencyKey,
      payment.expiresAt,
      payment.at,
    ],
  );
  if (rows.length === 0) return false;
  await tx.query(
    `INSERT INTO payment_transition (payment_id, from_status, to_status, actor, created_at)
     VALUES ($1, NULL, $2::payment_status, $3, $4)`,
    [payment.id, status, actor, payment.at],
  );
  return true;
};

export type Move = {
  paymentId: string;
  /** The statuses it may move from: the compare-and-set. */
  from: readonly PaymentStatus[];
  to: PaymentStatus;
  reasonCode: string | null;
  actor: string;
  note?: string | null;
  at: Date;
  /** Filled in with the move when not set yet (never overwritten, never cleared). */
  provider?: string | null;
  /**
   * A compare-and-set on the recorded provider as well: the move happens only while the payment's provider is this
   * one (null: while none is recorded). Left out, any provider will do.
   */
  whileProviderIs?: string | null;
  providerPaymentId?: string | null;
  redirectUrl?: string | null;
};

/**
 * Compare-and-set on the status: moves the payment only if it is still in one of `from`, and writes the history
 * row in the same statement. The row lock makes a racing move wait and then see the new status (and do nothing).
 * Returns the status it moved from, or null when it was no longer in `from`.
 */
export const movePayment = async (tx: MoneyTx, move: Move): Promise<PaymentStatus | null> => {
  const [row] = await tx.query<{ from_status: PaymentStatus }>(
    `WITH current AS (SELECT id, status, provider FROM payment WHERE id = $1 FOR UPDATE),
     moved AS (
       UPDATE payment p
          SET status = $3::payment_status, reason_code = $4, updated_at = $7,
              provider = coalesce(p.provider, $8), provider_payment_id = coalesce(p.provider_payment_id, $9),
              redirect_url = coalesce(p.redirect_url, $10)
         FROM current
        WHERE p.id = current.id AND current.status = ANY($2::payment_status[])
          AND (NOT $11::boolean OR current.provider IS NOT DISTINCT FROM $12::text)
       RETURNING p.id, current.status AS from_status)
     INSERT INTO payment_transition (payment_id, from_status, to_status, reason_code, actor, note, created_at)
     SELECT id, from_status, $3::payment_status, $4, $5, $6, $7 FROM moved
     RETURNING from_status`,
    [
      move.paymentId,
      move.from,
      move.to,
      move.reasonCode,
      move.actor,
      move.note ?? null,
      move.at,
      move.provider ?? null,
      move.providerPaymentId ?? null,
      move.redirectUrl ?? null,
      move.whileProviderIs !== undefined,
      move.whileProviderIs ?? null,
    ],
  );
  return row?.from_status ?? null;
};

/**
 * Records which provider a payout is being sent to (failover), while it is still PROCESSING and still has the
 * provider the sender last recorded (`from`; null before the first): false when the payout was taken up by someone
 * else meanwhile (the payout job resuming it), who then sends it, never both.
 */
export const setPayoutProvider = async (
  tx: MoneyTx,
  paymentId: string,
  provider: { from: string | null; to: string },
  at: Date,
) =>
  (
    await tx.query(
      `UPDATE payment SET provider = $3, updated_at = $4
        WHERE id = $1 AND status = 'PROCESSING' AND provider IS NOT DISTINCT FROM $2::text
       RETURNING id`,
      [paymentId, provider.from, provider.to, at],
    )
  ).length === 1;

// ─── The jobs' batches ───────────────────────────────────────────────────────────────────────────────────────
// A job takes its rows oldest first, but in turns across groups of (status, provider): the oldest row of every
// group, then the second of every group, and so on up to `batch`. A row the job cannot move (a held payout its
// provider has no record of, a payment at a provider that is down) keeps its place at the front of its own group,
// so a backlog of them can hold back only rows of that same group, never the others.

/**
 * Withdrawals for the payout-check job: APPROVED or PROCESSING ones untouched since `staleBefore` (a crash, a lost
 * webhook, no provider reachable) and every HELD one; within a turn, the ones it can send first.
 */
export const payoutIdsToCheck = async (db: Db, staleBefore: Date, batch: number): Promise<string[]> =>
  (
    await db.prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM (
        SELECT id, status, updated_at,
               row_number() OVER (PARTITION BY status, provider ORDER BY updated_at, id) AS turn
          FROM payment
         WHERE direction = 'WITHDRAWAL'
           AND (status = 'HELD' OR (status IN ('APPROVED', 'PROCESSING') AND updated_at <= ${staleBefore}))
      ) due
      ORDER BY turn, array_position(ARRAY['APPROVED', 'PROCESSING', 'HELD']::payment_status[], status), updated_at, id
      LIMIT ${batch}`
  ).map((row) => row.id);

/** Deposits for the expiry job: INITIATED or PENDING ones past their deadline. */
export const depositIdsPastDeadline = async (db: Db, now: Date, batch: number): Promise<string[]> =>
  (
    await db.prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM (
        SELECT id, expires_at,
               row_number() OVER (PARTITION BY status, provider ORDER BY expires_at, id) AS turn
          FROM payment
         WHERE direction = 'DEPOSIT' AND status IN ('INITIATED', 'PENDING') AND expires_at <= ${now}
      ) due
      ORDER BY turn, expires_at, id
      LIMIT ${batch}`
  ).map((row) => row.id);

/** The payments with these ids, in the order given. */
export const findPaymentsInOrder = async (db: Db, ids: readonly string[]): Promise<PaymentRow[]> => {
  const rows = await db.prisma.payment.findMany({ where: { id: { in: [...ids] } }, select: paymentSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};

// ─── Webhook events ──────────────────────────────────────────────────────────────────────────────────────────

export type WebhookRecord = {
  id: string;
  provider: string;
  eventId: string | null;
  eventType: string | null;
  paymentId: string | null;
  bodySha256: string;
  isSignatureValid: boolean;
  outcome: "APPLIED" | "NO_CHANGE" | "MISMATCH" | "UNKNOWN_PAYMENT" | "MALFORMED" | "INVALID_SIGNATURE" | "STALE";
  requestId: string | null;
  at: Date;
};

/**
 * Records a delivery. A verified event claims (provider, event id): when another delivery claimed it first, nothing
 * is inserted, that delivery is counted on the first one, and its outcome is returned instead (null: inserted).
 */
export const claimWebhookEvent = async (tx: MoneyTx, record: WebhookRecord): Promise<string | null> => {
  const inserted = await tx.query(
    `INSERT INTO payment_webhook_event (id, provider, event_id, event_type, payment_id, body_sha256, is_signature_valid,
                                        outcome, request_id, received_at, last_received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::webhook_outcome, $9, $10, $10)
     ON CONFLICT (provider, event_id) DO NOTHING
     RETURNING id`,
    [
      record.id,
      record.provider,
      record.eventId,
      record.eventType,
      record.paymentId,
      record.bodySha256,
      record.isSignatureValid,
      record.outcome,
      record.requestId,
      record.at,
    ],
  );
  if (inserted.length === 1) return null;
  const [earlier] = await tx.query<{ outcome: string }>(
    `UPDATE payment_webhook_event SET deliveries = deliveries + 1, last_received_at = $3
      WHERE provider = $1 AND event_id = $2
      RETURNING outcome::text`,
    [record.provider, record.eventId, record.at],
  );
  return earlier?.outcome ?? "NO_CHANGE";
};

export const setWebhookOutcome = (tx: MoneyTx, id: string, outcome: WebhookRecord["outcome"]) =>
  tx.query("UPDATE payment_webhook_event SET outcome = $2::webhook_outcome WHERE id = $1", [id, outcome]);
