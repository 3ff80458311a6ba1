import type { Db } from "@pitboss/db";
import type { PaymentDirection, PaymentMethod } from "./payments.schemas";

export type CashierMethodConfig = {
  method: PaymentMethod;
  position: number;
  minMinor: bigint;
  maxMinor: bigint;
  feeFixedMinor: bigint;
  feeBps: number;
  dailyCount: number | null;
};

/**
 * The methods that apply to a country, currency and direction, in configured order: a country's own row replaces
 * the `*` row of the same method, and a disabled row hides the method.
 */
export const effectiveMethods = async (
  db: Db,
  country: string,
  currency: string,
  direction: PaymentDirection,
): Promise<CashierMethodConfig[]> => {
  const rows = await db.prisma.cashierMethod.findMany({
    where: { currency, direction, country: { in: [country, "*"] } },
    select: {
      country: true,
      method: true,
      isEnabled: true,
      position: true,
      minMinor: true,
      maxMinor: true,
      feeFixedMinor: true,
      feeBps: true,
      dailyCount: true,
    },
  });
  const byMethod = new Map<PaymentMethod, (typeof rows)[number]>();
  for (const row of rows) {
    const chosen = byMethod.get(row.method);
    if (!chosen || chosen.country === "*") byMethod.set(row.method, row);
  }
  return [...byMethod.values()]
    .filter((row) => row.isEnabled)
    .sort((a, b) => a.position - b.position || a.method.localeCompare(b.method))
    .map(({ country: _country, isEnabled: _isEnabled, ...config }) => config);
};

/** Midnight UTC of the day `at` is in: daily counts are per UTC day. */
export const utcDayStart = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
