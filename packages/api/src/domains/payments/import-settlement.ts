import { DomainError } from "@pitboss/db";
import { sha256Hex } from "../../lib/sha256";
import { writeAudit } from "../audit/write-audit";
import { parseInput } from "../parse-input";
import type { StaffDeps } from "../staff/staff.types";
import { paymentSettingsOf, type WithPaymentSettings } from "./payment-settings";
import { type PaymentRow, paymentSelect } from "./payments.repo";
import { type ImportSettlementInput, importSettlementInput } from "./payments.schemas";
import { readSettlementReport, type SettlementLine } from "./settlement-csv";

const maxLines = 50_000;

type Item = {
  line: number;
  providerReference: string;
  merchantReference: string | null;
  paymentId: string | null;
  type: string | null;
  amountMinor: bigint | null;
  currency: string | null;
  providerStatus: string | null;
  settledAt: Date | null;
  status: "MATCHED" | "FLAGGED";
  reason: string | null;
};

const settledStatus = { deposit: "succeeded", payout: "paid" } as const;
const ourFinalStatus = { deposit: "COMPLETED", payout: "PAID" } as const;

/** One report line against our payments: MATCHED, or FLAGGED with the first disagreement found. */
const matchLine = (
  { line, fields }: SettlementLine,
  provider: string,
  paymentOf: (merchantReference: string, providerReference: string) => PaymentRow | undefined,
  seen: Set<string>,
): Item => {
  if (!fields) {
    return {
      line,
      providerReference: "",
      merchantReference: null,
      paymentId: null,
      type: null,
      amountMinor: null,
      currency: null,
      providerStatus: null,
      settledAt: null,
      status: "FLAGGED",
      reason: "MALFORMED_LINE",
    };
  }
  const settledAt = new Date(fields.settled_at);
  const isWellFormed =
    /^\d{1,18}$/.test(fields.amount_minor) &&
    (fields.type === "deposit" || fields.type === "payout") &&
    fields.provider_reference !== "" &&
    !Number.isNaN(settledAt.getTime());
  const payment = isWellFormed ? paymentOf(fields.merchant_reference, fields.provider_reference) : undefined;
  const amountMinor = /^\d{1,18}$/.test(fields.amount_minor) ? BigInt(fields.amount_minor) : null;
  const type = fields.type as "deposit" | "payout";
  const reason = !isWellFormed
    ? "MALFORMED_LINE"
    : seen.has(fields.provider_reference)
      ? "DUPLICATE_LINE"
      : !payment
        ? "UNKNOWN_PAYMENT"
        : payment.provider !== provider
          ? "PROVIDER_MISMATCH"
          : (payment.direction === "DEPOSIT") !== (type === "deposit")
            ? "TYPE_MISMATCH"
            : payment.amountMinor !== amountMinor
              ? "AMOUNT_MISMATCH"
              : payment.currency !== fields.currency
                ? "CURRENCY_MISMATCH"
                : payment.providerPaymentId !== null && payment.providerPaymentId !== fields.provider_reference
                  ? "PROVIDER_REFERENCE_MISMATCH"
                  : fields.status !== settledStatus[type] || payment.status !== ourFinalStatus[type]
                    ? "STATUS_MISMATCH"
                    : null;
  if (isWellFormed) seen.add(fields.provider_reference);
  return {
    line,
    providerReference: fields.provider_reference,
    merchantReference: fields.merchant_reference || null,
    paymentId: payment?.id ?? null,
    type: fields.type || null,
    amountMinor,
    currency: fields.currency ? fields.currency.slice(0, 8) : null,
    providerStatus: fields.status || null,
    settledAt: Number.isNaN(settledAt.getTime()) ? null : settledAt,
    status: reason ? "FLAGGED" : "MATCHED",
    reason,
  };
};

/**
 * Imports a provider's settlement report and matches each line to our payments: amount, currency, direction,
 * provider references and final status must all agree, else the line is flagged with the reason. Nothing is
 * adjusted: a flagged line (a payout we still hold, a deposit we never saw) is work for a finance user, who resolves
 * it through the normal, audited actions. The run, its items and the audit row commit together.
 */
export const importSettlement = async (deps: StaffDeps & WithPaymentSettings, rawInput: ImportSettlementInput) => {
  const input = parseInput(importSettlementInput, rawInput);
  if (!paymentSettingsOf(deps).providers.get(input.provider)) {
    throw new DomainError("INVALID_INPUT", {
      message: `unknown provider ${input.provider}`,
      meta: { fields: ["provider"] },
    });
  }
  const lines = readSettlementReport(input.csv);
  if (!lines) {
    throw new DomainError("INVALID_INPUT", {
      message:
        "the report needs a header naming provider_reference, merchant_reference, type, amount_minor, currency, status and settled_at",
      meta: { fields: ["csv"] },
    });
  }
  if (lines.length > maxLines) {
    throw new DomainError("INVALID_INPUT", {
      message: `at most ${maxLines} lines per report`,
      meta: { fields: ["csv"] },
    });
  }
  const merchantRefs = lines.flatMap((l) => (l.fields?.merchant_reference ? [l.fields.merchant_reference] : []));
  const providerRefs = lines.flatMap((l) => (l.fields?.provider_reference ? [l.fields.provider_reference] : []));
  const payments = await deps.db.prisma.payment.findMany({
    where: {
      OR: [{ id: { in: merchantRefs } }, { provider: input.provider, providerPaymentId: { in: providerRefs } }],
    },
    select: paymentSelect,
  });
  const byId = new Map(payments.map((p) => [p.id, p]));
  const byProviderRef = new Map(
    payments.filter((p) => p.provider === input.provider).map((p) => [p.providerPaymentId, p]),
  );
  const seen = new Set<string>();
  const items = lines.map((line) =>
    matchLine(
      line,
      input.provider,
      (merchantRef, providerRef) => byId.get(merchantRef) ?? byProviderRef.get(providerRef),
      seen,
    ),
  );
  const matched = items.filter((item) => item.status === "MATCHED").length;
  const flagged = items.length - matched;
  const runId = deps.newId("reconciliationRun");
  await deps.db.prisma.$transaction(
    async (tx) => {
      await tx.reconciliationRun.create({
        data: {
          id: runId,
          provider: input.provider,
          importedBy: deps.staff.id,
          reportSha256: sha256Hex(input.csv),
          lineCount: items.length,
          matchedCount: matched,
          flaggedCount: flagged,
          createdAt: deps.now(),
        },
      });
      await tx.reconciliationItem.createMany({ data: items.map((item) => ({ ...item, runId })) });
      await writeAudit(tx, deps, deps.audit, {
        action: "payments.settlement.import",
        targetType: "reconciliation_run",
        targetId: runId,
        after: { provider: input.provider, lines: items.length, matched, flagged },
      });
    },
    { timeout: 60_000 },
  );
  return { runId, matched, flagged };
};
