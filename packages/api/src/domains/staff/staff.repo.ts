import type { Db, Prisma, Tx } from "@pitboss/db";

export type Client = Db["prisma"] | Tx;

const signInSelect = {
  id: true,
  email: true,
  displayName: true,
  passwordHash: true,
  roles: true,
  mfaSecret: true,
  mfaEnrolledAt: true,
  isDisabled: true,
  lockedUntil: true,
  mustChangePassword: true,
} satisfies Prisma.StaffUserSelect;

export const findStaffByEmail = (db: Db, email: string) =>
  db.prisma.staffUser.findUnique({ where: { email }, select: signInSelect });

export const findStaffById = (client: Client, id: string) =>
  client.staffUser.findUnique({ where: { id }, select: signInSelect });

/**
 * Takes one of the attempts allowed before the lockout, in the same statement that checks the lock: the
 * attempt counts as a failure from the start (an attempt judged right gives it back), and the one that reaches
 * `max` locks the account until `lockUntil` and starts the count again. Null when the account is locked: the
 * attempt must not be judged. Parallel attempts queue on the row, so no more than `max` get through per window.
 * Returns the lock this attempt set, if it was the last one allowed.
 */
export const claimAttemptSlot = async (
  db: Db,
  staffId: string,
  options: { now: Date; max: number; lockUntil: Date },
): Promise<{ lockSet: Date | null } | null> => {
  const rows = await db.prisma.$queryRaw<{ locked_until: Date | null }[]>`
    UPDATE staff_user
       SET failed_attempts = CASE WHEN failed_attempts + 1 >= ${options.max} THEN 0 ELSE failed_attempts + 1 END,
           locked_until = CASE WHEN failed_attempts + 1 >= ${options.max} THEN ${options.lockUntil}::timestamptz END
     WHERE id = ${staffId} AND (locked_until IS NULL OR locked_until <= ${options.now}::timestamptz)
 RETURNING locked_until`;
  const row = rows[0];
  return row ? { lockSet: row.locked_until } : null;
};

/**
 * Gives back an attempt slot whose answer was right (or never judged). False, changing nothing, when another
 * attempt has locked the account since: a right answer does not get in while the account is locked. When this
 * attempt's own claim set the lock (nobody else has claimed since), the lock is lifted and the count restored
 * to one short of `max`.
 */
export const giveBackAttemptSlot = async (
  db: Db,
  staffId: string,
  options: { now: Date; max: number; lockSet: Date | null },
): Promise<boolean> =>
  (await db.prisma.$executeRaw`
    UPDATE staff_user
       SET failed_attempts = CASE WHEN locked_until = ${options.lockSet}::timestamptz THEN ${options.max - 1}
                                  ELSE GREATEST(failed_attempts - 1, 0) END,
           locked_until = CASE WHEN locked_until = ${options.lockSet}::timestamptz THEN NULL ELSE locked_until END
     WHERE id = ${staffId}
       AND (locked_until IS NULL OR locked_until <= ${options.now}::timestamptz
            OR locked_until = ${options.lockSet}::timestamptz)`) === 1;

/**
 * Locks the staff row until the transaction ends and reads its lockout: a sign-in step that checks it here
 * cannot be overtaken by a parallel attempt locking the account before it commits.
 */
export const lockStaffRowForSignIn = async (tx: Tx, staffId: string): Promise<{ lockedUntil: Date | null }> => {
  const rows = await tx.$queryRaw<{ locked_until: Date | null }[]>`
    SELECT locked_until FROM staff_user WHERE id = ${staffId} FOR UPDATE`;
  return { lockedUntil: rows[0]?.locked_until ?? null };
};

/**
 * Accepts a TOTP time step once: succeeds only when it is later than the last accepted one, atomically, so
 * the same code sent twice (or raced) signs in once. Also clears the failure count.
 */
export const claimTotpStep = async (client: Client, staffId: string, step: number): Promise<boolean> =>
  (await client.$executeRaw`
    UPDATE staff_user SET mfa_last_step = ${step}, failed_attempts = 0, locked_until = NULL
     WHERE id = ${staffId} AND (mfa_last_step IS NULL OR mfa_last_step < ${step})`) === 1;

export const clearFailedAttempts = (client: Client, staffId: string) =>
  client.staffUser.update({ where: { id: staffId }, data: { failedAttempts: 0, lockedUntil: null } });

export const storePendingMfaSecret = (db: Db, staffId: string, encryptedSecret: string) =>
  db.prisma.staffUser.updateMany({
    where: { id: staffId, mfaEnrolledAt: null },
    data: { mfaSecret: encryptedSecret },
  });

export const markEnrolled = (tx: Tx, staffId: string, at: Date) =>
  tx.staffUser.updateMany({ where: { id: staffId, mfaEnrolledAt: null }, data: { mfaEnrolledAt: at } });

export const replaceRecoveryCodes = async (
  tx: Tx,
  staffId: string,
  codes: { id: string; codeHash: string; createdAt: Date }[],
) => {
  await tx.staffRecoveryCode.deleteMany({ where: { staffId } });
  await tx.staffRecoveryCode.createMany({ data: codes.map((code) => ({ ...code, staffId })) });
};

/** Marks an unused recovery code used; false when it does not exist or was used already. */
export const useRecoveryCode = async (client: Client, staffId: string, codeHash: string, at: Date) =>
  (await client.staffRecoveryCode.updateMany({ where: { staffId, codeHash, usedAt: null }, data: { usedAt: at } }))
    .count === 1;

export const countUnusedRecoveryCodes = (db: Db, staffId: string) =>
  db.prisma.staffRecoveryCode.count({ where: { staffId, usedAt: null } });

// ─── Sessions ─────────────────────────────────────────────────────────────────────────────────────────────

export const createSession = (db: Db, data: Prisma.StaffSessionUncheckedCreateInput) =>
  db.prisma.staffSession.create({ data, select: { id: true } });

export const findSessionByTokenHash = (db: Db, tokenHash: string) =>
  db.prisma.staffSession.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      mfaPassedAt: true,
      revokedAt: true,
      staff: {
        select: {
          id: true,
          email: true,
          displayName: true,
          roles: true,
          isDisabled: true,
          mfaEnrolledAt: true,
          mustChangePassword: true,
        },
      },
    },
  });

export const touchSession = (db: Db, sessionId: string, at: Date) =>
  db.prisma.staffSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: at } });

/** MFA passed: the session gets a new token (the pre-MFA one stops working) and its full lifetime. */
export const completeSessionMfa = (
  client: Client,
  sessionId: string,
  data: { tokenHash: string; at: Date; expiresAt: Date },
) =>
  client.staffSession.updateMany({
    where: { id: sessionId, revokedAt: null, mfaPassedAt: null },
    data: { tokenHash: data.tokenHash, mfaPassedAt: data.at, lastSeenAt: data.at, expiresAt: data.expiresAt },
  });

const sessionSelect = {
  id: true,
  staffId: true,
  ip: true,
  userAgent: true,
  createdAt: true,
  lastSeenAt: true,
  expiresAt: true,
  mfaPassedAt: true,
  revokedAt: true,
  revokeReason: true,
} satisfies Prisma.StaffSessionSelect;

export const listSessions = (db: Db, staffId: string, take = 50) =>
  db.prisma.staffSession.findMany({ where: { staffId }, select: sessionSelect, orderBy: { createdAt: "desc" }, take });

export const findSession = (db: Db, sessionId: string) =>
  db.prisma.staffSession.findUnique({ where: { id: sessionId }, select: sessionSelect });

/** Revokes sessions matching `where` that are still live; returns how many. */
export const revokeSessions = async (
  client: Client,
  where: Prisma.StaffSessionWhereInput,
  data: { at: Date; by: string | null; reason: string },
) =>
  (
    await client.staffSession.updateMany({
      where: { ...where, revokedAt: null },
      data: { revokedAt: data.at, revokedBy: data.by, revokeReason: data.reason },
    })
  ).count;

// ─── Staff management ─────────────────────────────────────────────────────────────────────────────────────

export const listStaff = (db: Db) =>
  db.prisma.staffUser.findMany({
    select: {
      id: true,
      email: true,
      displayName: true,
      roles: true,
      isDisabled: true,
      mfaEnrolledAt: true,
      lockedUntil: true,
      mustChangePassword: true,
      createdAt: true,
    },
    orderBy: { email: "asc" },
  });

export const listRoleRequests = (db: Db, where: Prisma.StaffRoleRequestWhereInput = {}) =>
  db.prisma.staffRoleRequest.findMany({
    where,
    select: {
      id: true,
      staffId: true,
      roles: true,
      status: true,
      requestedBy: true,
      requestedAt: true,
      decidedBy: true,
      decidedAt: true,
      staff: { select: { email: true, displayName: true, roles: true } },
      requester: { select: { email: true, displayName: true } },
    },
    orderBy: { requestedAt: "desc" },
    take: 100,
  });

export const findRoleRequest = (client: Client, id: string) =>
  client.staffRoleRequest.findUnique({
    where: { id },
    select: { id: true, staffId: true, roles: true, rolesBefore: true, status: true, requestedBy: true },
  });

/** The staff linked to `staffId` by account creation: those whose account it created, and whoever created its own. */
export const staffLinkedByCreation = async (client: Client, staffId: string): Promise<ReadonlySet<string>> => {
  const own = await client.staffUser.findUnique({ where: { id: staffId }, select: { createdBy: true } });
  const created = await client.staffUser.findMany({ where: { createdBy: staffId }, select: { id: true } });
  return new Set([...created.map((staff) => staff.id), ...(own?.createdBy ? [own.createdBy] : [])]);
};

/**
 * Replaces a staff member's roles with `roles` only if they are still `expected` (as sets), in one statement, so a
 * role change committed meanwhile is never overwritten. False when they differ.
 */
export const replaceRolesIfUnchanged = async (
  client: Client,
  staffId: string,
  expected: readonly string[],
  roles: readonly string[],
): Promise<boolean> =>
  (await client.$executeRaw`
    UPDATE staff_user SET roles = ${roles}::staff_role[]
     WHERE id = ${staffId}
       AND ARRAY(SELECT DISTINCT r FROM unnest(coalesce(roles, '{}')) r ORDER BY r)
           = ARRAY(SELECT DISTINCT r FROM unnest(coalesce(${expected}::staff_role[], '{}')) r ORDER BY r)`) === 1;
