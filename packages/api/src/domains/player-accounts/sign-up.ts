import { DomainError, hashPassword } from "@pitboss/db";
import { parseInput } from "../parse-input";
import type { AccountDeps } from "./mailer";
import { isUniqueViolation } from "./parse";
import { findPlayerByEmail, insertPlayer } from "./player-accounts.repo";
import { type SignUpInput, signUpInput } from "./player-accounts.schemas";
import { ageOn, minimumAgeFor, passwordWeaknesses } from "./policy";
import { sendVerificationEmail } from "./send-verification";

/**
 * Opens a player account: checks age (for the country), email uniqueness (case-insensitive: emails are stored
 * lower-cased) and password strength, stores a scrypt hash, and mails a verification link.
 * The account can sign in at once; adding money waits for the verified email.
 */
export const signUp = async (deps: AccountDeps, rawInput: SignUpInput) => {
  const input = parseInput(signUpInput, rawInput);
  const now = deps.now();
  const minimumAge = minimumAgeFor(input.country);
  if (ageOn(input.dateOfBirth, now) < minimumAge) {
    throw new DomainError("UNDERAGE", { message: `players must be at least ${minimumAge}`, meta: { minimumAge } });
  }
  const weaknesses = passwordWeaknesses(input.password, input.email);
  if (weaknesses.length > 0) {
    throw new DomainError("WEAK_PASSWORD", { message: "the password is too weak", meta: { reasons: weaknesses } });
  }
  if (await findPlayerByEmail(deps.db.prisma, input.email)) throw new DomainError("EMAIL_TAKEN");
  const passwordHash = await hashPassword(input.password);
  const player = await insertPlayer(deps.db.prisma, {
    id: deps.newId("player"),
    email: input.email,
    displayName: input.displayName,
    passwordHash,
    country: input.country,
    dateOfBirth: new Date(`${input.dateOfBirth}T00:00:00Z`),
    currency: input.currency,
    locale: input.locale,
    timeZone: input.timeZone,
    createdAt: now,
  }).catch((error: unknown) => {
    // Two sign-ups with the same email at once: the unique index decides.
    if (isUniqueViolation(error)) throw new DomainError("EMAIL_TAKEN");
    throw error;
  });
  await sendVerificationEmail(deps, { playerId: player.id });
  deps.logger.info({ playerId: player.id }, "player signed up");
  return { playerId: player.id, email: player.email };
};
