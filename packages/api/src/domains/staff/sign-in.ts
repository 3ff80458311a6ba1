import { DomainError, hashPassword, verifyPassword } from "@pitboss/db";
import { sha256Hex } from "../../lib/sha256";
import { writeAudit } from "../audit/write-audit";
import { accountLocked, claimAttempt, giveBackAttempt, type Refusal, wrongAnswerRefusal } from "./attempts";
import { newSessionToken } from "./secrets";
import { staffSettingsOf } from "./settings";
import { createSession, findStaffByEmail } from "./staff.repo";
import { type SignInInput, signInInput } from "./staff.schemas";
import type { AuditedDeps, IssuedSession } from "./staff.types";

// Unknown and disabled accounts still pay for one scrypt, so timing does not tell which emails exist.
let decoyHash: Promise<string> | undefined;
const decoy = () => {
  decoyHash ??= hashPassword("decoy-password-never-valid");
  return decoyHash;
};

export type SignInResult = IssuedSession & { next: "totp" | "enrol" };

/**
 * Step 1 of staff sign-in: email and password. Success opens a session that can do nothing but the MFA step
 * (`next`: verify a TOTP code, or enrol on first sign-in) for a few minutes. Every refusal is audited and
 * counts towards the lockout; the message never says whether the email exists.
 */
export const signIn = async (deps: AuditedDeps, rawInput: SignInInput): Promise<SignInResult> => {
  const input = signInInput.parse(rawInput);
  const settings = staffSettingsOf(deps);
  const now = deps.now();
  const staff = await findStaffByEmail(deps.db, input.email);

  const refuse = async ({ code, reason }: Refusal): Promise<never> => {
    await writeAudit(deps.db.prisma, deps, deps.audit, {
      action: "staff.auth.sign_in",
      outcome: "DENIED",
      targetType: staff ? "staff_user" : null,
      targetId: staff?.id ?? null,
      after: { email: input.email, step: "password" },
      reason,
      errorCode: code,
    });
    throw new DomainError(code);
  };

  if (!staff || staff.isDisabled) {
    await verifyPassword(input.password, await decoy());
    return refuse({ code: "INVALID_CREDENTIALS", reason: staff ? "account disabled" : "unknown email" });
  }
  // The password is judged only once its attempt is claimed (see attempts.ts), so parallel guesses cannot beat
  // the lockout; scrypt runs outside any row lock.
  const attempt = await claimAttempt(deps, staff.id, now);
  if (!attempt) return refuse(accountLocked);
  if (!(await verifyPassword(input.password, staff.passwordHash))) {
    return refuse(wrongAnswerRefusal(deps, attempt, { code: "INVALID_CREDENTIALS", reason: "wrong password" }));
  }
  // Right, but refused if a parallel attempt locked the account meanwhile. The count is not reset: that waits
  // for the MFA step, so knowing the password buys no extra code guesses.
  if (!(await giveBackAttempt(deps, attempt))) return refuse(accountLocked);

  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + settings.mfaPendingMs);
  await createSession(deps.db, {
    id: deps.newId("staffSession"),
    staffId: staff.id,
    tokenHash: sha256Hex(token),
    ip: deps.audit.ip,
    userAgent: deps.audit.userAgent?.slice(0, 500) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, expiresAt, next: staff.mfaEnrolledAt ? "totp" : "enrol" };
};
