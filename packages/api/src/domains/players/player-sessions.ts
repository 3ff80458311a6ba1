import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { writeAudit } from "../audit/write-audit";
import { bumpSessionVersion } from "../player-accounts/player-accounts.repo";
import type { StaffDeps } from "../staff/staff.types";
import { findPlayerProfile, listSignInAttempts } from "./players.repo";
import { type PlayerIdInput, playerIdInput, type SignOutPlayerInput, signOutPlayerInput } from "./players.schemas";

/**
 * The player's sign-in history, newest first (the latest 50 attempts, failed ones included, with the client IP).
 * Player sessions are stateless JWTs, so this is the record of where and when they were opened.
 */
export const listPlayerSignIns = async ({ db }: Pick<ServiceDeps, "db">, rawInput: PlayerIdInput) => {
  const { playerId } = playerIdInput.parse(rawInput);
  const player = await findPlayerProfile(db.prisma, playerId);
  if (!player) throw new DomainError("NOT_FOUND");
  return listSignInAttempts(db, player.email);
};

/**
 * Staff "sign out everywhere": raises the player's session version, so every session issued before (on every
 * device) is refused on its next request. Audited with the reason, in the same transaction.
 */
export const signOutPlayerEverywhere = async (deps: StaffDeps, rawInput: SignOutPlayerInput) => {
  const input = signOutPlayerInput.parse(rawInput);
  return deps.db.prisma.$transaction(async (tx) => {
    if (!(await findPlayerProfile(tx, input.playerId))) throw new DomainError("NOT_FOUND");
    const { sessionVersion } = await bumpSessionVersion(tx, input.playerId);
    await writeAudit(tx, deps, deps.audit, {
      action: "player.sessions.revoke",
      targetType: "player",
      targetId: input.playerId,
      before: { sessionVersion: sessionVersion - 1 },
      after: { sessionVersion },
      reason: input.reason,
    });
    return { playerId: input.playerId, sessionVersion };
  });
};
