import { getServerEnv, getStaffMfaKey } from "../../env";

/** Tunables of staff sign-in and four-eyes; production values come from here, tests override any of them. */
export type StaffSettings = {
  /** A session unused for this long is expired (sliding). */
  idleTimeoutMs: number;
  /** A signed-in session ends this long after MFA passed, however active. */
  maxSessionMs: number;
  /** Time allowed between the password step and the TOTP step. */
  mfaPendingMs: number;
  /** last_seen_at is written at most this often (the idle timeout's resolution). */
  touchIntervalMs: number;
  /** Consecutive failures (password, TOTP, recovery code) that lock the account… */
  maxFailedAttempts: number;
  /** …for this long. */
  lockoutMs: number;
  /** AES-256-GCM key for TOTP secrets at rest. */
  mfaKey: Buffer;
  /** Minor units per currency above which an adjustment needs a second approver (absent: always). */
  adjustmentApprovalAbove: Record<string, bigint>;
};

const minute = 60_000;

let fromEnv: StaffSettings | undefined;

const defaults = (): StaffSettings => {
  if (!fromEnv) {
    const env = getServerEnv();
    fromEnv = {
      idleTimeoutMs: 30 * minute,
      maxSessionMs: 12 * 60 * minute,
      mfaPendingMs: 10 * minute,
      touchIntervalMs: minute,
      maxFailedAttempts: 5,
      lockoutMs: 15 * minute,
      mfaKey: getStaffMfaKey(env),
      adjustmentApprovalAbove: env.ADJUSTMENT_APPROVAL_ABOVE,
    };
  }
  return fromEnv;
};

/** Deps may carry `staffSettings` overrides (tests); everything else comes from the validated env. */
export type WithStaffSettings = { staffSettings?: Partial<StaffSettings> };

export const staffSettingsOf = (deps: WithStaffSettings): StaffSettings => ({ ...defaults(), ...deps.staffSettings });
