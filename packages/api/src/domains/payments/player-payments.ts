import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { parseInput } from "../parse-input";
import { effectiveMethods, utcDayStart } from "./cashier-config";
import { type PaymentView, toPaymentViewOf, toPaymentViews } from "./payment-view";
import { findPayment, paymentSelect } from "./payments.repo";
import {
  type CashierMethodsInput,
  cashierMethodsInput,
  type HistoryInput,
  historyInput,
  type PaymentIdInput,
  paymentIdInput,
} from "./payments.schemas";

type Deps = Pick<ServiceDeps, "db" | "now">;

/**
 * The cashier's methods for the signed-in player: only those configured for their country (or the default) and the
 * currency, enabled, in configured order, with limits, fees and how many payments of today's allowance are left.
 */
export const listCashierMethods = async (deps: Deps, rawInput: CashierMethodsInput & { playerId: string }) => {
  const { playerId, ...raw } = rawInput;
  const input = parseInput(cashierMethodsInput, raw);
  const player = await deps.db.prisma.player.findUnique({ where: { id: playerId }, select: { country: true } });
  if (!player) throw new DomainError("NOT_FOUND");
  const methods = await effectiveMethods(deps.db, player.country, input.currency, input.direction);
  const today = await deps.db.prisma.payment.groupBy({
    by: ["method"],
    where: { playerId, direction: input.direction, createdAt: { gte: utcDayStart(deps.now()) } },
    _count: { _all: true },
  });
  return methods.map((method) => {
    const used = today.find((row) => row.method === method.method)?._count._all ?? 0;
    return {
      method: method.method,
      minMinor: method.minMinor,
      maxMinor: method.maxMinor,
      feeFixedMinor: method.feeFixedMinor,
      feeBps: method.feeBps,
      dailyCountRemaining: method.dailyCount === null ? null : Math.max(0, method.dailyCount - used),
    };
  });
};

/** One of the player's own payments; anyone else's reads as NOT_FOUND. */
export const getPlayerPayment = async (
  deps: Deps,
  rawInput: PaymentIdInput & { playerId: string },
): Promise<PaymentView> => {
  const { playerId, ...raw } = rawInput;
  const input = parseInput(paymentIdInput, raw);
  const payment = await findPayment(deps.db.prisma, input.paymentId);
  if (payment?.playerId !== playerId) throw new DomainError("NOT_FOUND");
  return toPaymentViewOf(deps.db, payment);
};

/** The player's deposits and withdrawals, newest first, a page at a time (ids sort by creation time). */
export const listPlayerPayments = async (deps: Deps, rawInput: HistoryInput & { playerId: string }) => {
  const { playerId, ...raw } = rawInput;
  const input = parseInput(historyInput, raw);
  const rows = await deps.db.prisma.payment.findMany({
    where: { playerId, ...(input.cursor ? { id: { lt: input.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: paymentSelect,
  });
  const page = rows.slice(0, input.limit);
  return {
    items: await toPaymentViews(deps.db, page),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
};
