import { bigintTypes, type Prisma } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { type StatementInput, statementInput, type statementKinds } from "./wallet.schemas";

type Deps = Pick<ServiceDeps, "db">;

export type PlayerBalance = { currency: string; type: string; scope: string; balanceMinor: bigint };

/** A player's balances, per currency and sub-account (cash, bonus, pending withdrawal). */
export const getPlayerBalances = async ({ db }: Deps, playerId: string): Promise<PlayerBalance[]> => {
  const accounts = await db.prisma.account.findMany({
    where: { playerId },
    select: { currency: true, type: true, scope: true, balanceMinor: true },
    orderBy: [{ currency: "asc" }, { type: "asc" }, { scope: "asc" }],
  });
  return accounts.map((a) => ({ ...a, balanceMinor: a.balanceMinor ?? 0n }));
};

/**
 * The balance of an account at instant `at`, reproduced from the ledger alone (postings up to and
 * including `at`): the same answer today and in ten years, whatever happened since.
 */
export const getBalanceAt = async ({ db }: Deps, accountId: string, at: Date): Promise<bigint> => {
  const { rows } = await db.pool.query<{ balance: bigint }>({
    text: "SELECT coalesce(sum(amount_minor), 0)::bigint AS balance FROM posting WHERE account_id = $1 AND created_at <= $2",
    values: [accountId, at],
    types: bigintTypes,
  });
  return rows[0]?.balance ?? 0n;
};

/** The account id of a player's sub-account, if it exists yet. */
export const findPlayerAccountId = async (
  { db }: Deps,
  playerId: string,
  currency: string,
  type: "CASH" | "BONUS" | "WITHDRAWAL_PENDING",
) =>
  (await db.prisma.account.findFirst({ where: { playerId, currency, type, scope: "" }, select: { id: true } }))?.id ??
  null;

/** The where-clause of a statement: one account, optional kinds and [from, to), before a cursor. */
export const statementWhere = (
  accountId: string,
  filters: { kinds?: readonly (typeof statementKinds)[number][]; from?: Date; to?: Date; cursor?: bigint },
): Prisma.PostingWhereInput => ({
  accountId,
  ...(filters.cursor ? { id: { lt: filters.cursor } } : {}),
  ...(filters.from || filters.to
    ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } }
    : {}),
  ...(filters.kinds?.length ? { txn: { kind: { in: [...filters.kinds] } } } : {}),
});

export const statementSelect = {
  id: true,
  amountMinor: true,
  balanceAfter: true,
  createdAt: true,
  txn: { select: { id: true, kind: true, roundId: true, paymentId: true, reversesTxnId: true } },
} as const;

/** A player's statement for one sub-account, newest first, with cursor pagination on posting id. */
export const listStatement = async (deps: Deps, rawInput: StatementInput) => {
  const input = statementInput.parse(rawInput);
  const accountId = await findPlayerAccountId(deps, input.playerId, input.currency, input.type);
  if (!accountId) return { items: [], nextCursor: null };
  const postings = await deps.db.prisma.posting.findMany({
    where: statementWhere(accountId, input),
    select: statementSelect,
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const page = postings.slice(0, input.limit);
  return {
    items: page.map((p) => ({
      postingId: p.id,
      txnId: p.txn.id,
      kind: p.txn.kind,
      amountMinor: p.amountMinor,
      balanceAfter: p.balanceAfter,
      createdAt: p.createdAt,
      roundId: p.txn.roundId,
      paymentId: p.txn.paymentId,
      reversesTxnId: p.txn.reversesTxnId,
    })),
    nextCursor: postings.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
};
