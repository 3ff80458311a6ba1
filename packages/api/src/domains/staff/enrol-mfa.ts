import { DomainError } from "@pitboss/db";
import QRCode from "qrcode";
import { writeAudit } from "../audit/write-audit";
import { accountLocked, claimAttempt, giveBackAttempt } from "./attempts";
import { completeMfa } from "./complete-mfa";
import { completeMfaAttempt, refuseMfa, refuseWrongAnswer } from "./mfa-failure";
import {
  checkTotp,
  decryptMfaSecret,
  encryptMfaSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpUri,
} from "./secrets";
import { staffSettingsOf } from "./settings";
import { claimTotpStep, findStaffById, markEnrolled, replaceRecoveryCodes, storePendingMfaSecret } from "./staff.repo";
import { type TotpInput, totpInput } from "./staff.schemas";
import type { IssuedSession, StaffDeps } from "./staff.types";

const assertNotEnrolled = async (deps: StaffDeps) => {
  if (deps.staff.isMfaComplete) throw new DomainError("CONFLICT", { message: "this session already passed MFA" });
  const staff = await findStaffById(deps.db.prisma, deps.staff.id);
  if (!staff) throw new DomainError("NOT_FOUND");
  if (staff.mfaEnrolledAt) throw new DomainError("CONFLICT", { message: "an authenticator is already enrolled" });
  return staff;
};

/**
 * First sign-in: a fresh TOTP secret, stored encrypted but not active until a code from it is confirmed.
 * Returned once, as text and as a QR code (data URL) for the authenticator app. Calling it again replaces it.
 */
export const startEnrolment = async (deps: StaffDeps) => {
  const staff = await assertNotEnrolled(deps);
  const secret = newTotpSecret();
  const stored = await storePendingMfaSecret(
    deps.db,
    staff.id,
    encryptMfaSecret(staffSettingsOf(deps).mfaKey, staff.id, secret),
  );
  if (stored.count !== 1) throw new DomainError("CONFLICT", { message: "an authenticator is already enrolled" });
  await writeAudit(
    deps.db.prisma,
    deps,
    { ...deps.audit, actor: { type: "STAFF", id: staff.id } },
    {
      action: "staff.mfa.enrol_start",
      targetType: "staff_user",
      targetId: staff.id,
    },
  );
  const uri = totpUri(secret, staff.email);
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
};

/**
 * Confirms enrolment with a code from the new secret: the authenticator becomes active, ten recovery codes are
 * issued (returned once, stored hashed) and this session passes MFA.
 */
export const confirmEnrolment = async (
  deps: StaffDeps,
  rawInput: TotpInput,
): Promise<IssuedSession & { recoveryCodes: string[] }> => {
  const input = totpInput.parse(rawInput);
  const staff = await assertNotEnrolled(deps);
  const action = "staff.mfa.enrol_confirm";
  const attempt = await claimAttempt(deps, staff.id, deps.now());
  if (!attempt) return refuseMfa(deps, { action, ...accountLocked });
  const now = attempt.now;
  const secret = staff.mfaSecret ? decryptMfaSecret(staffSettingsOf(deps).mfaKey, staff.id, staff.mfaSecret) : null;
  if (!secret) {
    await giveBackAttempt(deps, attempt);
    throw new DomainError("CONFLICT", { message: "start enrolment first" });
  }
  const match = await checkTotp(secret, input.code, now);
  if (!match) return refuseWrongAnswer(deps, attempt, { action, code: "INVALID_CREDENTIALS", reason: "wrong code" });

  const recoveryCodes = newRecoveryCodes();
  const session = await completeMfaAttempt(deps, attempt, action, async (tx) => {
    if ((await markEnrolled(tx, staff.id, now)).count !== 1 || !(await claimTotpStep(tx, staff.id, match.step))) {
      throw new DomainError("CONFLICT", { message: "an authenticator is already enrolled" });
    }
    await replaceRecoveryCodes(
      tx,
      staff.id,
      recoveryCodes.map((code) => ({
        id: deps.newId("recoveryCode"),
        codeHash: hashRecoveryCode(code),
        createdAt: now,
      })),
    );
    await writeAudit(
      tx,
      deps,
      { ...deps.audit, actor: { type: "STAFF", id: staff.id } },
      {
        action,
        targetType: "staff_user",
        targetId: staff.id,
        after: { codesIssued: recoveryCodes.length },
      },
    );
    return completeMfa(deps, tx, "enrolment");
  });
  return { ...session, recoveryCodes };
};
