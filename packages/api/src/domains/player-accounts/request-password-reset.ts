import { parseInput } from "../parse-input";
import { type AccountDeps, mailerOf, mailTemplates } from "./mailer";
import { findPlayerByEmail, insertToken, retireOpenTokens } from "./player-accounts.repo";
import { type RequestPasswordResetCommand, requestPasswordResetCommand } from "./player-accounts.schemas";
import { RESET_PASSWORD_TTL_MS } from "./policy";
import { assertNotThrottled, recordAttempt } from "./throttle";
import { hashAccountToken, newAccountToken } from "./tokens";

/**
 * Mails a reset link if an active account has this email. The answer is the same either way (no account
 * enumeration), and requests are throttled per email and IP whether or not the email is known.
 */
export const requestPasswordReset = async (deps: AccountDeps, rawInput: RequestPasswordResetCommand) => {
  const input = parseInput(requestPasswordResetCommand, rawInput);
  const email = input.email.trim().toLowerCase();
  await assertNotThrottled(deps, "PASSWORD_RESET", email, input.ip);
  await recordAttempt(deps, "PASSWORD_RESET", email, input.ip, true);
  const player = await findPlayerByEmail(deps.db.prisma, email);
  if (player && player.status === "ACTIVE") {
    const token = newAccountToken();
    const now = deps.now();
    await deps.db.prisma.$transaction(async (tx) => {
      await retireOpenTokens(tx, player.id, "RESET_PASSWORD", now);
      await insertToken(tx, {
        id: deps.newId("playerToken"),
        playerId: player.id,
        purpose: "RESET_PASSWORD",
        tokenHash: hashAccountToken(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + RESET_PASSWORD_TTL_MS),
      });
    });
    await mailerOf(deps).send({
      playerId: player.id,
      to: player.email,
      locale: player.locale,
      ...mailTemplates.resetPassword(player.displayName, `/reset-password?token=${token}`),
    });
  }
  return { isAccepted: true };
};
