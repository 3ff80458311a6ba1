import type { Tx } from "@pitboss/db";
import { DomainError } from "@pitboss/db";
import { sha256Hex } from "../../lib/sha256";
import { writeAudit } from "../audit/write-audit";
import { newSessionToken } from "./secrets";
import { staffSettingsOf } from "./settings";
import { completeSessionMfa } from "./staff.repo";
import type { IssuedSession, StaffDeps } from "./staff.types";

/**
 * The last step of every sign-in: the session's token is replaced (the pre-MFA token stops working, so a
 * token seen before MFA is worth nothing) and it gets its full lifetime. Audited as the sign-in.
 */
export const completeMfa = async (
  deps: StaffDeps,
  tx: Tx,
  method: "totp" | "recovery_code" | "enrolment",
): Promise<IssuedSession> => {
  const now = deps.now();
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + staffSettingsOf(deps).maxSessionMs);
  const updated = await completeSessionMfa(tx, deps.staff.sessionId, {
    tokenHash: sha256Hex(token),
    at: now,
    expiresAt,
  });
  if (updated.count !== 1) throw new DomainError("CONFLICT", { message: "this session already passed MFA" });
  await writeAudit(
    tx,
    deps,
    { ...deps.audit, actor: { type: "STAFF", id: deps.staff.id } },
    {
      action: "staff.auth.sign_in",
      targetType: "staff_session",
      targetId: deps.staff.sessionId,
      after: { method, expiresAt },
    },
  );
  return { token, expiresAt };
};
