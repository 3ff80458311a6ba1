import { DomainError } from "@pitboss/db";
import { writeAudit } from "../audit/write-audit";
import { findSession, listSessions, revokeSessions } from "./staff.repo";
import { type RevokeSessionInput, revokeSessionInput, staffIdInput } from "./staff.schemas";
import type { StaffDeps } from "./staff.types";

const staffActor = (deps: StaffDeps) => ({ ...deps.audit, actor: { type: "STAFF" as const, id: deps.staff.id } });

/** Ends the current session (also a session still waiting for its MFA step). */
export const signOut = async (deps: StaffDeps) => {
  await deps.db.prisma.$transaction(async (tx) => {
    await revokeSessions(tx, { id: deps.staff.sessionId }, { at: deps.now(), by: deps.staff.id, reason: "signed out" });
    await writeAudit(tx, deps, staffActor(deps), {
      action: "staff.auth.sign_out",
      targetType: "staff_session",
      targetId: deps.staff.sessionId,
    });
  });
  return { isSignedOut: true };
};

const view = (deps: StaffDeps, session: Awaited<ReturnType<typeof listSessions>>[number]) => {
  const now = deps.now();
  return {
    ...session,
    isCurrent: session.id === deps.staff.sessionId,
    isActive: !session.revokedAt && session.expiresAt > now,
  };
};

/** The signed-in staff member's own sessions, newest first (the current one flagged). */
export const listOwnSessions = async (deps: StaffDeps) =>
  (await listSessions(deps.db, deps.staff.id)).map((session) => view(deps, session));

/** Another staff member's sessions (admins and auditors). */
export const listStaffSessions = async (deps: StaffDeps, rawInput: { staffId: string }) => {
  const { staffId } = staffIdInput.parse(rawInput);
  return (await listSessions(deps.db, staffId)).map((session) => view(deps, session));
};

const revoke = async (deps: StaffDeps, input: RevokeSessionInput, scope: "own" | "any") => {
  const { sessionId, reason } = revokeSessionInput.parse(input);
  const session = await findSession(deps.db, sessionId);
  // Someone else's session reads as not found on the own-sessions procedure.
  if (!session || (scope === "own" && session.staffId !== deps.staff.id)) throw new DomainError("NOT_FOUND");
  if (session.revokedAt) return { sessionId, isRevoked: true };
  await deps.db.prisma.$transaction(async (tx) => {
    await revokeSessions(
      tx,
      { id: sessionId },
      {
        at: deps.now(),
        by: deps.staff.id,
        reason: reason ?? (scope === "own" ? "revoked by owner" : "revoked by admin"),
      },
    );
    await writeAudit(tx, deps, staffActor(deps), {
      action: "staff.session.revoke",
      targetType: "staff_session",
      targetId: sessionId,
      before: { staffId: session.staffId, revokedAt: null },
      after: { revokedAt: deps.now() },
      reason: reason ?? null,
    });
  });
  return { sessionId, isRevoked: true };
};

export const revokeOwnSession = (deps: StaffDeps, input: RevokeSessionInput) => revoke(deps, input, "own");
export const revokeStaffSession = (deps: StaffDeps, input: RevokeSessionInput) => revoke(deps, input, "any");
