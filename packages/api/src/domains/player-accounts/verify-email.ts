import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { parseInput } from "../parse-input";
import { consumeToken } from "./player-accounts.repo";
import { type TokenInput, tokenInput } from "./player-accounts.schemas";
import { hashAccountToken } from "./tokens";

/** Confirms the email address with the mailed token: single use, within its lifetime. */
export const verifyEmail = async (deps: ServiceDeps, rawInput: TokenInput) => {
  const { token } = parseInput(tokenInput, rawInput);
  const now = deps.now();
  const playerId = await deps.db.prisma.$transaction(async (tx) => {
    const consumed = await consumeToken(tx, hashAccountToken(token), "VERIFY_EMAIL", now);
    if (!consumed) return null;
    await tx.player.updateMany({
      where: { id: consumed.playerId, emailVerifiedAt: null },
      data: { emailVerifiedAt: now },
    });
    return consumed.playerId;
  });
  if (!playerId) throw new DomainError("TOKEN_INVALID");
  return { playerId };
};
