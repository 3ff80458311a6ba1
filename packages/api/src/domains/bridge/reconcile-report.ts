import { bigintTypes, DomainError, isCurrencyCode, parseMoney } from "@pitboss/db";
import { z } from "zod";
import type { ServiceDeps } from "../../deps";
import { parseCsv } from "../../lib/csv";

/**
 * Reconciliation of a studio's transaction report against what the bridge recorded (and the ledger moved), round by
 * round. Mismatches are listed for operations to investigate with the studio; nothing is ever adjusted here.
 *
 * Report format (CSV with this header, or a JSON array of objects with these keys): `transaction_id, round_id,
 * player_id, type (BET | WIN | ROLLBACK), amount (decimal, major units; empty for rollbacks), currency` and optionally
 * `status` (OK | ROLLED_BACK, default OK).
 */
export const reconcileReportInput = z
  .object({
    provider: z.string().min(1).max(32),
    format: z.enum(["csv", "json"]),
    report: z.string().max(20_000_000),
  })
  .strict();
export type ReconcileReportInput = z.input<typeof reconcileReportInput>;

const reportRow = z.object({
  transaction_id: z.string().min(1).max(100),
  round_id: z.string().min(1).max(80),
  player_id: z.string().min(1).max(100),
  type: z.enum(["BET", "WIN", "ROLLBACK"]),
  amount: z.string().max(40).default(""),
  currency: z.string().max(8).default(""),
  status: z.enum(["OK", "ROLLED_BACK"]).default("OK"),
});
type ReportRow = z.infer<typeof reportRow> & { line: number; amountMinor: bigint | null };

export type MismatchKind =
  | "MISSING_HERE"
  | "MISSING_THERE"
  | "TYPE_DIFFERS"
  | "AMOUNT_DIFFERS"
  | "CURRENCY_DIFFERS"
  | "STATUS_DIFFERS"
  | "LEDGER_MISSING";

export type Mismatch = {
  kind: MismatchKind;
  transactionId: string;
  ours?: {
    kind: string;
    status: string;
    amountMinor: bigint | null;
    currency: string | null;
    ledgerTxnId: string | null;
  };
  theirs?: { type: string; status: string; amountMinor: bigint | null; currency: string };
};

const readReport = (input: z.infer<typeof reconcileReportInput>) => {
  let records: unknown[];
  if (input.format === "json") {
    try {
      const value: unknown = JSON.parse(input.report);
      if (!Array.isArray(value)) throw new Error("not an array");
      records = value;
    } catch {
      throw new DomainError("INVALID_INPUT", { message: "the report must be a JSON array of transactions" });
    }
  } else {
    const csv = parseCsv(input.report);
    if (!csv) throw new DomainError("INVALID_INPUT", { message: "the report has a quoted field that is never closed" });
    const [header = [], ...lines] = csv;
    const columns = header.map((column) => column.trim().toLowerCase());
    records = lines.map((cells) => Object.fromEntries(columns.map((column, i) => [column, cells[i]?.trim() ?? ""])));
  }
  const rows: ReportRow[] = [];
  const invalid: { line: number; reason: string }[] = [];
  for (const [index, record] of records.entries()) {
    const line = input.format === "csv" ? index + 2 : index + 1;
    const parsed = reportRow.safeParse(record);
    if (!parsed.success) {
      invalid.push({ line, reason: parsed.error.issues[0]?.message ?? "invalid" });
      continue;
    }
    const row = parsed.data;
    if (row.type === "ROLLBACK") {
      rows.push({ ...row, line, amountMinor: null });
      continue;
    }
    if (!isCurrencyCode(row.currency)) {
      invalid.push({ line, reason: `unknown currency "${row.currency}"` });
      continue;
    }
    try {
      rows.push({ ...row, line, amountMinor: parseMoney(row.amount, row.currency).amountMinor });
    } catch {
      invalid.push({ line, reason: `amount "${row.amount}" is not exact in ${row.currency}` });
    }
  }
  return { rows, invalid };
};

type OurRow = {
  provider_txn_id: string;
  player_id: string;
  provider_round_id: string | null;
  kind: string;
  status: string;
  amount_minor: bigint | null;
  currency: string | null;
  ledger_txn_id: string | null;
  ledger_present: boolean;
};

const loadOurs = async (deps: Pick<ServiceDeps, "db">, provider: string, rows: ReportRow[]) => {
  const { rows: ours } = await deps.db.pool.query<OurRow>({
    text: `SELECT t.provider_txn_id, t.player_id, t.provider_round_id, t.kind, t.status, t.amount_minor, t.currency,
                  t.ledger_txn_id, (t.ledger_txn_id IS NULL OR l.id IS NOT NULL) AS ledger_present
           FROM bridge_transaction t
           LEFT JOIN ledger_txn l ON l.id = t.ledger_txn_id
           WHERE t.provider = $1
             AND ((t.player_id, t.provider_round_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))
               OR (t.player_id, t.provider_txn_id) IN (SELECT * FROM unnest($4::text[], $5::text[])))`,
    values: [
      provider,
      rows.map((row) => row.player_id),
      rows.map((row) => row.round_id),
      rows.flatMap((row) => [row.player_id, row.player_id]),
      rows.flatMap((row) => [row.transaction_id, `refund:${row.transaction_id}`]),
    ],
    types: bigintTypes,
  });
  return ours;
};

const compare = (theirs: ReportRow, ours: OurRow | undefined): Mismatch[] => {
  const their = {
    type: theirs.type,
    status: theirs.status,
    amountMinor: theirs.amountMinor,
    currency: theirs.currency,
  };
  if (!ours || ours.status === "TOMBSTONE" || ours.status === "REFUSED") {
    return [{ kind: "MISSING_HERE", transactionId: theirs.transaction_id, theirs: their }];
  }
  const our = {
    kind: ours.kind,
    status: ours.status,
    amountMinor: ours.amount_minor,
    currency: ours.currency,
    ledgerTxnId: ours.ledger_txn_id,
  };
  const found: MismatchKind[] = [];
  if (ours.kind !== theirs.type) found.push("TYPE_DIFFERS");
  if (theirs.type !== "ROLLBACK") {
    if (ours.amount_minor !== theirs.amountMinor) found.push("AMOUNT_DIFFERS");
    if (ours.currency !== theirs.currency) found.push("CURRENCY_DIFFERS");
    if ((ours.status === "ROLLED_BACK") !== (theirs.status === "ROLLED_BACK")) found.push("STATUS_DIFFERS");
  }
  if (!ours.ledger_present) found.push("LEDGER_MISSING");
  return found.map((kind) => ({ kind, transactionId: theirs.transaction_id, ours: our, theirs: their }));
};

/**
 * Compares a provider's report with our records for every round it mentions: each of their transactions must be
 * ours with the same type, amount, currency and rolled-back state, each money transaction of ours in those rounds
 * must be theirs, and each of ours must have its ledger transaction.
 */
export const reconcileProviderReport = async (deps: Pick<ServiceDeps, "db">, rawInput: ReconcileReportInput) => {
  const input = reconcileReportInput.parse(rawInput);
  const { rows, invalid } = readReport(input);
  const ours = rows.length > 0 ? await loadOurs(deps, input.provider, rows) : [];
  const oursById = new Map(ours.map((row) => [`${row.player_id}\u0000${row.provider_txn_id}`, row]));
  const rounds = new Map<string, { playerId: string; roundId: string; mismatches: Mismatch[] }>();
  const roundOf = (playerId: string, roundId: string) => {
    const key = `${playerId}\u0000${roundId}`;
    const round = rounds.get(key) ?? { playerId, roundId, mismatches: [] };
    rounds.set(key, round);
    return round;
  };
  const seen = new Set<string>();
  for (const theirs of rows) {
    const round = roundOf(theirs.player_id, theirs.round_id);
    const idKey = `${theirs.player_id}\u0000${theirs.transaction_id}`;
    const refundKey = `${theirs.player_id}\u0000refund:${theirs.transaction_id}`;
    const mine = oursById.get(idKey) ?? (theirs.type === "ROLLBACK" ? oursById.get(refundKey) : undefined);
    if (mine) seen.add(`${mine.player_id}\u0000${mine.provider_txn_id}`);
    round.mismatches.push(...compare(theirs, mine));
  }
  for (const mine of ours) {
    const key = `${mine.player_id}\u0000${mine.provider_txn_id}`;
    const isMoney =
      (mine.kind === "BET" || mine.kind === "WIN") && (mine.status === "OK" || mine.status === "ROLLED_BACK");
    if (seen.has(key) || !isMoney || !mine.provider_round_id) continue;
    const round = rounds.get(`${mine.player_id}\u0000${mine.provider_round_id}`);
    round?.mismatches.push({
      kind: "MISSING_THERE",
      transactionId: mine.provider_txn_id,
      ours: {
        kind: mine.kind,
        status: mine.status,
        amountMinor: mine.amount_minor,
        currency: mine.currency,
        ledgerTxnId: mine.ledger_txn_id,
      },
    });
  }
  const all = [...rounds.values()];
  return {
    provider: input.provider,
    rounds: all.length,
    matchedRounds: all.filter((round) => round.mismatches.length === 0).length,
    mismatchedRounds: all.filter((round) => round.mismatches.length > 0),
    invalidRows: invalid,
  };
};
