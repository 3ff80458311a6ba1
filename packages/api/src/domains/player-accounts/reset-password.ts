import { DomainError, hashPassword } from "@pitboss/db";
import { parseInput } from "../parse-input";
import { type AccountDeps, mailerOf, mailTemplates } from "./mailer";
import { consumeToken, findPlayerById, retireOpenTokens } from "./player-accounts.repo";
import { type ResetPasswordInput, resetPasswordInput } from "./player-accounts.schemas";
import { passwordWeaknesses } from "./policy";
import { hashAccountToken } from "./tokens";

/**
 * Sets a new password with a mailed reset token (single use, one hour), then signs the player out everywhere.
 * A weak password is refused before the token is used, so the player can try another with the same link.
 */
export const resetPassword = async (deps: AccountDeps, rawInput: ResetPasswordInput) => {
  const input = parseInput(resetPasswordInput, rawInput);
  const tokenHash = hashAccountToken(input.token);
  const now = deps.now();
  const pending = await deps.db.prisma.playerToken.findUnique({
    where: { tokenHash },
    select: { playerId: true, purpose: true, usedAt: true, expiresAt: true },
  });
  if (pending?.purpose !== "RESET_PASSWORD" || pending.usedAt || pending.expiresAt <= now) {
    throw new DomainError("TOKEN_INVALID");
  }
  const player = await findPlayerById(deps.db.prisma, pending.playerId);
  if (!player) throw new DomainError("TOKEN_INVALID");
  const weaknesses = passwordWeaknesses(input.password, player.email);
  if (weaknesses.length > 0) {
    throw new DomainError("WEAK_PASSWORD", { message: "the password is too weak", meta: { reasons: weaknesses } });
  }
  const passwordHash = await hashPassword(input.password);
  const isReset = await deps.db.prisma.$transaction(async (tx) => {
    if (!(await consumeToken(tx, tokenHash, "RESET_PASSWORD", now))) return false;
    await retireOpenTokens(tx, player.id, "RESET_PASSWORD", now);
    await tx.player.update({
      where: { id: player.id },
      // Knowing the mailbox proves the email too.
      data: { passwordHash, sessionVersion: { increment: 1 }, emailVerifiedAt: player.emailVerifiedAt ?? now },
    });
    return true;
  });
  if (!isReset) throw new DomainError("TOKEN_INVALID");
  await mailerOf(deps).send({
    playerId: player.id,
    to: player.email,
    locale: player.locale,
    ...mailTemplates.passwordChanged(player.displayName),
  });
  deps.logger.info({ playerId: player.id }, "player reset their password");
  return { playerId: player.id };
};
