import { DomainError, exponentOf } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { getPlayerBalances, listStatement } from "../wallet/ledger-reads";
import { findPlayerProfile } from "./players.repo";
import { type PlayerIdInput, type PlayerStatementInput, playerIdInput, playerStatementInput } from "./players.schemas";

const assertPlayer = async (db: ServiceDeps["db"], playerId: string) => {
  if (!(await findPlayerProfile(db.prisma, playerId))) throw new DomainError("NOT_FOUND");
};

/** Balances by currency and sub-account (cash, bonus, pending withdrawal), from the wallet's projection. */
export const getBalances = async (deps: Pick<ServiceDeps, "db">, rawInput: PlayerIdInput) => {
  const { playerId } = playerIdInput.parse(rawInput);
  await assertPlayer(deps.db, playerId);
  return (await getPlayerBalances(deps, playerId)).map((b) => ({ ...b, exponent: exponentOf(b.currency) }));
};

/** One sub-account's ledger statement, newest first, paginated by posting id. */
export const getStatement = async (deps: Pick<ServiceDeps, "db">, rawInput: PlayerStatementInput) => {
  const input = playerStatementInput.parse(rawInput);
  await assertPlayer(deps.db, input.playerId);
  return listStatement(deps, input);
};
