/**
 * The back office's access policy, checked in: which `domain.action` permissions exist, which role holds
 * which, and which admin procedures may answer without a completed sign-in. Every admin procedure declares
 * one permission (tRPC `.meta`), the server checks it on every call, and `permissions.int.test.ts` walks
 * every admin procedure × every role against this file. Change access here, in review, nowhere else.
 */

export const staffRoles = ["SUPPORT", "RISK", "FINANCE", "MARKETING", "ADMIN", "AUDITOR"] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Every permission, and whether it changes state (AUDITOR must hold none that do). */
export const permissions = {
  /** Own account: change password, list and revoke own sessions. Every role has it. */
  "self.account": { isWrite: true },
  /** Home page figures and the work queues of the signed-in role. */
  "home.read": { isWrite: false },
  /** Player search, profile, notes, tags, restrictions, timeline, recent rounds and sign-in history. */
  "player.read": { isWrite: false },
  "player.note": { isWrite: true },
  "player.tag": { isWrite: true },
  /** Place and lift restrictions (block deposits / betting / withdrawals, suspend, close). */
  "player.restrict": { isWrite: true },
  /**
   * Lift a CLOSE restriction: reopen a closed account. Closing is protective and any restricting role may do it;
   * undoing it is a decision for an admin.
   */
  "player.reopen": { isWrite: true },
  /** End every session of a player on every device ("sign out everywhere"), e.g. after an account takeover. */
  "player.sessions": { isWrite: true },
  /** Balances, ledger statement and the adjustment queue. */
  "wallet.read": { isWrite: false },
  /** Request a manual adjustment (executes at once below the four-eyes threshold). */
  "wallet.adjust": { isWrite: true },
  /** Approve or reject someone else's adjustment request. */
  "wallet.approve": { isWrite: true },
  /** Payments: the withdrawal queue, payment search and detail with webhook log, reconciliation runs. */
  "payments.read": { isWrite: false },
  /** Approve or reject a queued withdrawal; resolve a held payout as paid or failed. */
  "payments.approve": { isWrite: true },
  /** Import a provider settlement report and match it against payments. */
  "payments.reconcile": { isWrite: true },
  /** Game studios: providers, their catalogues, open rounds, reconciliation of a studio's transaction report. */
  "studios.read": { isWrite: false },
  /** Switch a studio provider (the kill switch) or one of its games off or on. */
  "studios.manage": { isWrite: true },
  /** Audit trail viewer and CSV export. */
  "audit.read": { isWrite: false },
  /** Run the audit chain verifier. */
  "audit.verify": { isWrite: false },
  /** Staff list, their sessions and pending role requests. */
  "staff.read": { isWrite: false },
  /** Create, disable, enable staff, reset MFA, change roles (granting ADMIN only files a request), revoke sessions. */
  "staff.manage": { isWrite: true },
  /** Approve or reject a request that grants ADMIN (never one's own). */
  "staff.approve": { isWrite: true },
} as const satisfies Record<string, { isWrite: boolean }>;

export type Permission = keyof typeof permissions;
export const allPermissions = Object.keys(permissions) as Permission[];

export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  SUPPORT: ["self.account", "home.read", "player.read", "player.note", "player.tag", "player.sessions", "wallet.read"],
  RISK: [
    "self.account",
    "home.read",
    "player.read",
    "player.note",
    "player.tag",
    "player.restrict",
    "player.sessions",
    "wallet.read",
    "studios.read",
  ],
  FINANCE: [
    "self.account",
    "home.read",
    "player.read",
    "player.note",
    "wallet.read",
    "wallet.adjust",
    "wallet.approve",
    "payments.read",
    "payments.approve",
    "payments.reconcile",
    "studios.read",
  ],
  MARKETING: ["self.account", "home.read", "player.read", "player.tag"],
  ADMIN: allPermissions,
  AUDITOR: [
    "self.account",
    "home.read",
    "player.read",
    "wallet.read",
    "payments.read",
    "studios.read",
    "audit.read",
    "audit.verify",
    "staff.read",
  ],
};

/** The union of what the roles grant, sorted (a staff member may hold several roles). */
export const permissionsOf = (roles: readonly string[]): Permission[] =>
  allPermissions.filter((permission) =>
    roles.some((role) => (rolePermissions[role as StaffRole] ?? []).includes(permission)),
  );

export const hasPermission = (roles: readonly string[], permission: Permission): boolean =>
  roles.some((role) => (rolePermissions[role as StaffRole] ?? []).includes(permission));

/** Roles whose members may approve four-eyes money movements. */
export const approverRoles: readonly StaffRole[] = ["FINANCE", "ADMIN"];

/**
 * Admin procedures that answer before sign-in is complete, by path. Anything else must carry a permission;
 * the matrix test fails on an admin procedure that is neither listed here nor permissioned.
 */
export const signInProcedures = {
  /** No session needed: starting a sign-in, and asking who is signed in (null when nobody). */
  anonymous: ["admin.auth.me", "admin.auth.signIn"],
  /** A password-verified session whose TOTP step is still open. */
  mfaPending: [
    "admin.auth.signOut",
    "admin.auth.mfa.verify",
    "admin.auth.mfa.recover",
    "admin.auth.mfa.enrolStart",
    "admin.auth.mfa.enrolConfirm",
  ],
} as const;

/** Permissions still allowed while a one-time password has not been replaced yet. */
export const allowedBeforePasswordChange: readonly Permission[] = ["self.account"];
