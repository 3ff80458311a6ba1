import { exponentOf } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { countPendingFor } from "../adjustments/adjustments.repo";
import type { Permission } from "../staff/policy";
import { countActivePlayers, type KindTotal, postingTotals } from "./reports.repo";

export type CurrencyFigures = {
  currency: string;
  exponent: number;
  deposits: { count: number; amountMinor: bigint };
  withdrawals: { count: number; amountMinor: bigint };
  /** Gross gaming revenue: stakes minus wins (net of rollbacks), i.e. what game revenue accounts took in. */
  ggrMinor: bigint;
};

const dayOf = (now: Date) => {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { from, to: new Date(from.getTime() + 86_400_000) };
};

const figuresFrom = (totals: KindTotal[]): CurrencyFigures[] => {
  const byCurrency = new Map<string, CurrencyFigures>();
  const entry = (currency: string) => {
    let figures = byCurrency.get(currency);
    if (!figures) {
      figures = {
        currency,
        exponent: exponentOf(currency),
        deposits: { count: 0, amountMinor: 0n },
        withdrawals: { count: 0, amountMinor: 0n },
        ggrMinor: 0n,
      };
      byCurrency.set(currency, figures);
    }
    return figures;
  };
  for (const t of totals) {
    if (t.kind === "DEPOSIT" && t.owner === "PLAYER" && t.type === "CASH") {
      entry(t.currency).deposits.count += Number(t.txns);
      entry(t.currency).deposits.amountMinor += t.totalMinor;
    } else if (t.kind === "WITHDRAWAL_PAYOUT" && t.owner === "HOUSE") {
      entry(t.currency).withdrawals.count += Number(t.txns);
      entry(t.currency).withdrawals.amountMinor += t.totalMinor;
    }
    if (t.owner === "HOUSE" && t.type === "GAME_REVENUE") entry(t.currency).ggrMinor += t.totalMinor;
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
};

/**
 * The back office home: today's (UTC) deposits, paid-out withdrawals and GGR per currency from the ledger's
 * postings by kind, today's active players, and the work queues the caller's permissions give them (pending
 * adjustments they may decide: not their own).
 */
export const getHome = async (
  deps: Pick<ServiceDeps, "db" | "now">,
  viewer: { staffId: string; permissions: readonly Permission[] },
) => {
  const { permissions } = viewer;
  const day = dayOf(deps.now());
  const [totals, activePlayers, pendingAdjustments, pendingRoleRequests] = await Promise.all([
    postingTotals(deps.db, day.from, day.to),
    countActivePlayers(deps.db, day.from, day.to),
    permissions.includes("wallet.approve") ? countPendingFor(deps.db, viewer.staffId) : Promise.resolve(null),
    permissions.includes("staff.approve")
      ? deps.db.prisma.staffRoleRequest.count({ where: { status: "PENDING" } })
      : Promise.resolve(null),
  ]);
  return {
    day: day.from,
    figures: figuresFrom(totals),
    activePlayers,
    queues: { pendingAdjustments, pendingRoleRequests },
  };
};
