import { bigintTypes, DomainError, exponentOf, money, toDecimalString } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { parseInput } from "../parse-input";
import { findPlayerAccountId, getPlayerBalances, listStatement, statementSelect, statementWhere } from "./ledger-reads";
import {
  type ExportTransactionsInput,
  exportTransactionsInput,
  type TransactionsInput,
  transactionsInput,
} from "./player-wallet.schemas";

type Deps = Pick<ServiceDeps, "db">;

const playerCurrencyOf = async ({ db }: Deps, playerId: string) => {
  const player = await db.prisma.player.findUnique({ where: { id: playerId }, select: { currency: true } });
  if (!player) throw new DomainError("NOT_FOUND");
  return player.currency;
};

/**
 * Lifetime net deposits per currency: deposits minus paid-out withdrawals (reversals of either count against
 * them), straight from the ledger.
 */
const netDepositsOf = async ({ db }: Deps, playerId: string) => {
  const { rows } = await db.pool.query<{ currency: string; deposits: bigint; withdrawals: bigint }>({
    text: `SELECT a.currency,
             coalesce(sum(p.amount_minor) FILTER (WHERE t.kind = 'DEPOSIT' OR o.kind = 'DEPOSIT'), 0)::bigint AS deposits,
             coalesce(-sum(p.amount_minor) FILTER (WHERE t.kind = 'WITHDRAWAL_PAYOUT' OR o.kind = 'WITHDRAWAL_PAYOUT'), 0)::bigint AS withdrawals
           FROM account a
           JOIN posting p ON p.account_id = a.id
           JOIN ledger_txn t ON t.id = p.txn_id
           LEFT JOIN ledger_txn o ON o.id = t.reverses_txn_id
           WHERE a.player_id = $1 AND a.type IN ('CASH', 'WITHDRAWAL_PENDING')
           GROUP BY a.currency`,
    values: [playerId],
    types: bigintTypes,
  });
  return rows;
};

/** The wallet page's header: cash, bonus and pending withdrawal in the player's currency, and net deposits. */
export const getWalletSummary = async (deps: Deps, { playerId }: { playerId: string }) => {
  const currency = await playerCurrencyOf(deps, playerId);
  const [balances, net] = await Promise.all([getPlayerBalances(deps, playerId), netDepositsOf(deps, playerId)]);
  const sum = (type: string) =>
    balances.filter((b) => b.type === type && b.currency === currency).reduce((total, b) => total + b.balanceMinor, 0n);
  const ours = net.find((row) => row.currency === currency);
  return {
    currency,
    exponent: exponentOf(currency),
    cashMinor: sum("CASH"),
    bonusMinor: sum("BONUS"),
    pendingWithdrawalMinor: sum("WITHDRAWAL_PENDING"),
    depositsMinor: ours?.deposits ?? 0n,
    withdrawalsMinor: ours?.withdrawals ?? 0n,
    netDepositsMinor: (ours?.deposits ?? 0n) - (ours?.withdrawals ?? 0n),
  };
};

/** The player's own statement for one sub-account in their currency, filtered, newest first, by cursor. */
export const listPlayerTransactions = async (deps: Deps, rawInput: TransactionsInput & { playerId: string }) => {
  const { playerId, ...raw } = rawInput;
  const { direction: _direction, ...input } = parseInput(transactionsInput, raw);
  const currency = await playerCurrencyOf(deps, playerId);
  return { currency, ...(await listStatement(deps, { ...input, playerId, currency })) };
};

/** Rows a CSV export holds at most (newest first); narrow the filters for older history. */
export const CSV_EXPORT_MAX_ROWS = 5_000;

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The filtered statement as CSV (UTC timestamps, exact decimal amounts), for the player's own records. */
export const exportPlayerTransactionsCsv = async (
  deps: Deps,
  rawInput: ExportTransactionsInput & { playerId: string },
) => {
  const { playerId, ...raw } = rawInput;
  const input = parseInput(exportTransactionsInput, raw);
  const currency = await playerCurrencyOf(deps, playerId);
  const accountId = await findPlayerAccountId(deps, playerId, currency, input.type);
  const postings = accountId
    ? await deps.db.prisma.posting.findMany({
        where: statementWhere(accountId, input),
        select: statementSelect,
        orderBy: { id: "desc" },
        take: CSV_EXPORT_MAX_ROWS,
      })
    : [];
  const header = ["time_utc", "transaction_id", "kind", "account", "amount", "balance_after", "currency", "round_id"];
  const lines = postings.map((p) =>
    [
      p.createdAt.toISOString(),
      p.txn.id,
      p.txn.kind,
      input.type,
      toDecimalString(money(p.amountMinor, currency)),
      p.balanceAfter === null ? "" : toDecimalString(money(p.balanceAfter, currency)),
      currency,
      p.txn.roundId ?? "",
    ]
      .map(csvCell)
      .join(","),
  );
  return {
    filename: `pitboss-${input.type.toLowerCase()}-transactions.csv`,
    csv: `${[header.join(","), ...lines].join("\r\n")}\r\n`,
  };
};
