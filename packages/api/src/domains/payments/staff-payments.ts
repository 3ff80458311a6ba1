import { DomainError, type Prisma } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { parseInput } from "../parse-input";
import { type PaymentView, toPaymentViewOf, toPaymentViews } from "./payment-view";
import { paymentSelect } from "./payments.repo";
import {
  type PaymentIdInput,
  paymentIdInput,
  type ReconciliationRunInput,
  reconciliationRunInput,
  type SearchPaymentsInput,
  searchPaymentsInput,
} from "./payments.schemas";

type Deps = Pick<ServiceDeps, "db">;

const withPlayerSelect = { ...paymentSelect, player: { select: { email: true } } } satisfies Prisma.PaymentSelect;
type RowWithPlayer = Prisma.PaymentGetPayload<{ select: typeof withPlayerSelect }>;

const withPlayers = async (deps: Deps, rows: RowWithPlayer[]) => {
  const views = await toPaymentViews(deps.db, rows);
  return rows.map((row, i) => ({
    ...(views[i] as PaymentView),
    playerId: row.playerId,
    playerEmail: row.player.email,
  }));
};

/** Finance's queue: withdrawals waiting for a decision or held on an unknown payout outcome, oldest first. */
export const listPaymentQueue = async (deps: Deps) => {
  const rows = await deps.db.prisma.payment.findMany({
    where: { direction: "WITHDRAWAL", status: { in: ["AWAITING_APPROVAL", "HELD"] } },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: withPlayerSelect,
  });
  return withPlayers(deps, rows);
};

/** Payments by id, provider id or the start of the player's email; optionally one status or direction; newest first. */
export const searchPayments = async (deps: Deps, rawInput: SearchPaymentsInput) => {
  const input = parseInput(searchPaymentsInput, rawInput);
  const query = input.query?.trim();
  const where: Prisma.PaymentWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.direction ? { direction: input.direction } : {}),
    ...(input.cursor ? { id: { lt: input.cursor } } : {}),
    ...(query
      ? {
          OR: [
            { id: query },
            { providerPaymentId: query },
            { playerId: query },
            { player: { email: { startsWith: query.toLowerCase() } } },
          ],
        }
      : {}),
  };
  const rows = await deps.db.prisma.payment.findMany({
    where,
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: withPlayerSelect,
  });
  const page = rows.slice(0, input.limit);
  return {
    items: await withPlayers(deps, page),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
};

/** A payment with its whole history and every webhook received about it (refused ones too). */
export const getPaymentDetail = async (deps: Deps, rawInput: PaymentIdInput) => {
  const input = parseInput(paymentIdInput, rawInput);
  const row = await deps.db.prisma.payment.findUnique({ where: { id: input.paymentId }, select: withPlayerSelect });
  if (!row) throw new DomainError("NOT_FOUND");
  const [transitions, webhooks, ledger] = await Promise.all([
    deps.db.prisma.paymentTransition.findMany({
      where: { paymentId: row.id },
      orderBy: { id: "asc" },
      select: { fromStatus: true, toStatus: true, reasonCode: true, actor: true, note: true, createdAt: true },
    }),
    deps.db.prisma.paymentWebhookEvent.findMany({
      where: { paymentId: row.id },
      orderBy: { receivedAt: "asc" },
      select: {
        eventId: true,
        eventType: true,
        isSignatureValid: true,
        outcome: true,
        deliveries: true,
        requestId: true,
        receivedAt: true,
      },
    }),
    deps.db.prisma.ledgerTransaction.findMany({
      where: { paymentId: row.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, createdAt: true },
    }),
  ]);
  return {
    payment: { ...(await toPaymentViewOf(deps.db, row)), playerId: row.playerId, playerEmail: row.player.email },
    playerId: row.playerId,
    playerEmail: row.player.email,
    transitions: transitions.map((t) => ({
      from: t.fromStatus,
      to: t.toStatus,
      reasonCode: t.reasonCode,
      actor: t.actor,
      note: t.note,
      at: t.createdAt,
    })),
    webhooks: webhooks.map((w) => ({
      eventId: w.eventId,
      type: w.eventType,
      signatureValid: w.isSignatureValid,
      outcome: w.outcome,
      deliveries: w.deliveries,
      requestId: w.requestId,
      receivedAt: w.receivedAt,
    })),
    ledger: ledger.map((t) => ({ txnId: t.id, kind: t.kind, at: t.createdAt })),
  };
};

const runSelect = {
  id: true,
  provider: true,
  lineCount: true,
  matchedCount: true,
  flaggedCount: true,
  createdAt: true,
  importer: { select: { displayName: true } },
} satisfies Prisma.ReconciliationRunSelect;

const runView = (run: Prisma.ReconciliationRunGetPayload<{ select: typeof runSelect }>) => ({
  runId: run.id,
  provider: run.provider,
  lines: run.lineCount,
  matched: run.matchedCount,
  flagged: run.flaggedCount,
  importedBy: run.importer?.displayName ?? null,
  createdAt: run.createdAt,
});

export const listReconciliationRuns = async (deps: Deps) =>
  (
    await deps.db.prisma.reconciliationRun.findMany({ orderBy: { createdAt: "desc" }, take: 100, select: runSelect })
  ).map(runView);

/** One run with its items, flagged ones first. */
export const getReconciliationRun = async (deps: Deps, rawInput: ReconciliationRunInput) => {
  const input = parseInput(reconciliationRunInput, rawInput);
  const run = await deps.db.prisma.reconciliationRun.findUnique({ where: { id: input.runId }, select: runSelect });
  if (!run) throw new DomainError("NOT_FOUND");
  const items = await deps.db.prisma.reconciliationItem.findMany({
    where: { runId: run.id },
    orderBy: [{ status: "desc" }, { line: "asc" }],
    select: {
      line: true,
      providerReference: true,
      merchantReference: true,
      paymentId: true,
      type: true,
      amountMinor: true,
      currency: true,
      providerStatus: true,
      settledAt: true,
      status: true,
      reason: true,
    },
  });
  return { ...runView(run), items };
};
