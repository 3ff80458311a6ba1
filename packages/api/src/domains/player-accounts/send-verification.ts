import { DomainError } from "@pitboss/db";
import { type AccountDeps, mailerOf, mailTemplates } from "./mailer";
import { findPlayerById, insertToken, retireOpenTokens } from "./player-accounts.repo";
import { VERIFY_EMAIL_TTL_MS } from "./policy";
import { hashAccountToken, newAccountToken } from "./tokens";

/**
 * Mails a fresh verification link (older open links stop working). A verified player gets nothing new.
 * Returns whether a mail was sent.
 */
export const sendVerificationEmail = async (deps: AccountDeps, { playerId }: { playerId: string }) => {
  const player = await findPlayerById(deps.db.prisma, playerId);
  if (!player) throw new DomainError("NOT_FOUND");
  if (player.emailVerifiedAt) return { isSent: false };
  const token = newAccountToken();
  const now = deps.now();
  await deps.db.prisma.$transaction(async (tx) => {
    await retireOpenTokens(tx, playerId, "VERIFY_EMAIL", now);
    await insertToken(tx, {
      id: deps.newId("playerToken"),
      playerId,
      purpose: "VERIFY_EMAIL",
      tokenHash: hashAccountToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + VERIFY_EMAIL_TTL_MS),
    });
  });
  await mailerOf(deps).send({
    playerId,
    to: player.email,
    locale: player.locale,
    ...mailTemplates.verifyEmail(player.displayName, `/verify-email?token=${token}`),
  });
  return { isSent: true };
};
