import { type Db, DomainError, type DomainErrorCode } from "@pitboss/db";

/** What every money command returns, rebuilt from stored rows so a replay is identical to the original. */
export type LedgerPosting = {
  accountId: string;
  owner: "PLAYER" | "HOUSE";
  type: string;
  scope: string;
  amountMinor: bigint;
  /** Player accounts only: the balance right after this posting. */
  balanceAfter: bigint | null;
};
export type LedgerResult = {
  txnId: string;
  kind: string;
  playerId: string | null;
  currency: string;
  isReplay: boolean;
  createdAt: Date;
  reversesTxnId: string | null;
  roundId: string | null;
  paymentId: string | null;
  postings: LedgerPosting[];
};

/** The functions return legs as parallel arrays (cheaper to build in PL/pgSQL than an object per leg). */
export type RawLedgerResult = Omit<LedgerResult, "createdAt" | "postings"> & {
  createdAt: string;
  legs: {
    accountId: string[];
    owner: LedgerPosting["owner"][];
    type: string[];
    scope: string[];
    amountMinor: string[];
    balanceAfter: (string | null)[];
  };
};

export const parseLedgerResult = ({ legs, ...raw }: RawLedgerResult): LedgerResult => ({
  ...raw,
  createdAt: new Date(raw.createdAt),
  postings: legs.accountId
    .map((accountId, i) => ({
      accountId,
      owner: legs.owner[i] as LedgerPosting["owner"],
      type: legs.type[i] as string,
      scope: legs.scope[i] as string,
      amountMinor: BigInt(legs.amountMinor[i] as string),
      balanceAfter: legs.balanceAfter[i] == null ? null : BigInt(legs.balanceAfter[i] as string),
    }))
    // Zero legs (e.g. no bonus in a stake) are not written, so a replay, read back from the rows, has none.
    .filter((posting) => posting.amountMinor !== 0n),
});

/** SQLSTATE class PB carries the domain code as the message (see the ledger migration). */
const pbCodes: Record<string, DomainErrorCode> = {
  PB001: "INSUFFICIENT_FUNDS",
  PB002: "IDEMPOTENCY_KEY_REUSED",
  PB003: "NOT_FOUND",
  PB004: "UNBALANCED_TRANSFER",
  PB005: "ALREADY_REVERSED",
  PB006: "UNKNOWN_CURRENCY",
  PB007: "INVALID_INPUT",
  PB008: "CONFLICT",
};

type PgError = Error & { code?: string; detail?: string; constraint?: string };

const toDomainError = (error: PgError): DomainError | undefined => {
  const code = error.code ?? "";
  const domainCode = pbCodes[code];
  if (domainCode) return new DomainError(domainCode, { message: error.detail ?? domainCode, cause: error });
  // Two reversals of one transaction raced (or the first is committed): the unique reverses_txn_id refused.
  if (code === "23505" && error.constraint === "ledger_txn_reverses_txn_id_key") {
    return new DomainError("ALREADY_REVERSED", { cause: error });
  }
  // The check constraint is the last line of defence; the functions refuse first, with a better message.
  if (code === "23514" && error.constraint === "account_player_balance_not_negative") {
    return new DomainError("INSUFFICIENT_FUNDS", { cause: error });
  }
  // Connection lost or server shutting down mid-command: nothing was committed; retry with the same key.
  if (
    code === "57P01" ||
    code === "57P02" ||
    code === "57P03" ||
    code === "08006" ||
    code === "08003" ||
    /Connection terminated|ECONNRESET|ECONNREFUSED/.test(error.message)
  ) {
    return new DomainError("UNAVAILABLE", {
      message: "database unavailable; retry with the same idempotency key",
      cause: error,
    });
  }
  return undefined;
};

/** A unique key refused the statement (it wrote nothing). */
export const isUniqueViolation = (error: unknown) => (error as PgError | null)?.code === "23505";

/** PostgreSQL broke a lock cycle by failing this statement (it wrote nothing). */
export const isDeadlock = (error: unknown) => (error as PgError | null)?.code === "40P01";

/**
 * Calls one database function: one statement, one round trip, its own database transaction. Its result, or null when
 * it returned none. Ledger refusals come back as DomainErrors (see pbCodes).
 */
export const queryDbFunction = async <T>(db: Db, fn: string, args: unknown[]): Promise<T | null> => {
  const text = `SELECT ${fn}(${args.map((_, i) => `$${i + 1}`).join(", ")}) AS result`;
  try {
    // A named statement is parsed and planned once per connection, not on every bet.
    const { rows } = await db.pool.query<{ result: T | null }>({ name: fn, text, values: args });
    return rows[0]?.result ?? null;
  } catch (error) {
    throw toDomainError(error as PgError) ?? error;
  }
};

/** As queryDbFunction, for a function that always returns a result (jsonb). */
export const callDbFunction = async <T>(db: Db, fn: string, args: unknown[]): Promise<T> => {
  const result = await queryDbFunction<T>(db, fn, args);
  if (result == null) throw new DomainError("INTERNAL", { message: `${fn} returned nothing` });
  return result;
};

/** Calls one ledger function and reads its result. */
export const callLedger = async (db: Db, fn: string, args: unknown[]): Promise<LedgerResult> =>
  parseLedgerResult(await callDbFunction<RawLedgerResult>(db, fn, args));

/** Fresh account ids for accounts a command may have to create (ids are minted in the app, never in SQL). */
export const newAccountIds = (newId: (kind: "account") => string, count: number) =>
  Array.from({ length: count }, () => newId("account"));
