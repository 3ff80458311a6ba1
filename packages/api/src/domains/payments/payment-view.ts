import type { Db } from "@pitboss/db";
import type { PaymentRow } from "./payments.repo";
import type { PaymentDirection, PaymentMethod, PaymentStatus } from "./payments.schemas";

/** A payment as the player and staff screens see it: money as bigint minor units with its currency. */
export type PaymentView = {
  id: string;
  direction: PaymentDirection;
  method: PaymentMethod;
  provider: string | null;
  status: PaymentStatus;
  amountMinor: bigint;
  feeMinor: bigint;
  currency: string;
  /** Why it is in its status (CARD_DECLINED, ABOVE_AUTO_APPROVAL, PROVIDER_TIMEOUT, …); the UIs translate it. */
  reasonCode: string | null;
  /** A withdrawal the player may still cancel (its status allows it and the jurisdiction does). */
  canCancel: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export const cancellableStatuses: readonly PaymentStatus[] = ["AWAITING_APPROVAL", "APPROVED"];

/** A withdrawal in a status the player may cancel from: only these depend on the jurisdiction rules. */
const isCancellableWithdrawal = (row: PaymentRow) =>
  row.direction === "WITHDRAWAL" && cancellableStatuses.includes(row.status);

export const toPaymentView = (row: PaymentRow, canCancelInCountry: boolean): PaymentView => ({
  id: row.id,
  direction: row.direction,
  method: row.method,
  provider: row.provider,
  status: row.status,
  amountMinor: row.amountMinor,
  feeMinor: row.feeMinor,
  currency: row.currency,
  reasonCode: row.reasonCode,
  canCancel: isCancellableWithdrawal(row) && canCancelInCountry,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** Whether players in these countries may cancel a pending withdrawal (a country row, else the `*` row, else yes). */
export const cancelRulesFor = async (db: Db, countries: readonly string[]): Promise<(country: string) => boolean> => {
  const rows = await db.prisma.paymentJurisdiction.findMany({
    where: { country: { in: [...new Set([...countries, "*"])] } },
    select: { country: true, canCancelWithdrawal: true },
  });
  const byCountry = new Map(rows.map((row) => [row.country, row.canCancelWithdrawal]));
  return (country) => byCountry.get(country) ?? byCountry.get("*") ?? true;
};

/**
 * Views for rows, with the jurisdiction rules looked up once, and only when some row is a withdrawal still in a
 * cancellable status (for every other row `canCancel` is false whatever the jurisdiction says).
 */
export const toPaymentViews = async (db: Db, rows: readonly PaymentRow[]): Promise<PaymentView[]> => {
  const cancellable = rows.filter(isCancellableWithdrawal);
  if (cancellable.length === 0) return rows.map((row) => toPaymentView(row, false));
  const canCancelIn = await cancelRulesFor(
    db,
    cancellable.map((row) => row.country),
  );
  return rows.map((row) => toPaymentView(row, canCancelIn(row.country)));
};

export const toPaymentViewOf = async (db: Db, row: PaymentRow): Promise<PaymentView> =>
  (await toPaymentViews(db, [row]))[0] as PaymentView;
