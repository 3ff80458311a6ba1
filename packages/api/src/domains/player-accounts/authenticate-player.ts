import { randomBytes } from "node:crypto";
import { DomainError, hashPassword, verifyPassword } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { parseInput } from "../parse-input";
import { findPlayerByEmail } from "./player-accounts.repo";
import { type SignInCommand, signInCommand } from "./player-accounts.schemas";
import { assertNotThrottled, recordAttempt } from "./throttle";

// Unknown emails still pay for one scrypt verification, so response times do not tell them apart.
let decoyHash: Promise<string> | undefined;
const decoy = () => {
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return decoyHash;
};

/** What the session (JWT) keeps about a signed-in player. */
export type AuthenticatedPlayer = { playerId: string; sessionVersion: number; displayName: string; email: string };

/**
 * The credential check behind the player app's sign-in: throttled per email and IP, one answer
 * (INVALID_CREDENTIALS) for an unknown email and a wrong password. A suspended or closed account learns it is
 * FORBIDDEN only after giving its correct password.
 */
export const authenticatePlayer = async (deps: ServiceDeps, rawInput: SignInCommand): Promise<AuthenticatedPlayer> => {
  const input = parseInput(signInCommand, rawInput);
  const email = input.email.trim().toLowerCase();
  await assertNotThrottled(deps, "SIGN_IN", email, input.ip);
  const player = await findPlayerByEmail(deps.db.prisma, email);
  const isPasswordRight = player
    ? await verifyPassword(input.password, player.passwordHash)
    : (await verifyPassword(input.password, await decoy())) && false;
  await recordAttempt(deps, "SIGN_IN", email, input.ip, isPasswordRight);
  if (!player || !isPasswordRight) throw new DomainError("INVALID_CREDENTIALS");
  if (player.status !== "ACTIVE") throw new DomainError("FORBIDDEN", { message: "the account is not active" });
  return {
    playerId: player.id,
    sessionVersion: player.sessionVersion,
    displayName: player.displayName,
    email: player.email,
  };
};
