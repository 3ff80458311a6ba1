import type { Db, Prisma, Tx } from "@pitboss/db";

type Client = Db["prisma"] | Tx;

const accountSelect = {
  id: true,
  email: true,
  displayName: true,
  passwordHash: true,
  status: true,
  locale: true,
  currency: true,
  country: true,
  timeZone: true,
  emailVerifiedAt: true,
  sessionVersion: true,
  createdAt: true,
} satisfies Prisma.PlayerSelect;

export type PlayerAccountRow = Prisma.PlayerGetPayload<{ select: typeof accountSelect }>;

export const findPlayerByEmail = (client: Client, email: string) =>
  client.player.findUnique({ where: { email }, select: accountSelect });

export const findPlayerById = (client: Client, id: string) =>
  client.player.findUnique({ where: { id }, select: accountSelect });

export const insertPlayer = (client: Client, data: Prisma.PlayerUncheckedCreateInput) =>
  client.player.create({ data, select: accountSelect });

export const insertToken = (client: Client, data: Prisma.PlayerTokenUncheckedCreateInput) =>
  client.playerToken.create({ data, select: { id: true } });

/**
 * Marks an unused, unexpired token of this purpose as used, atomically: of two concurrent uses only one gets
 * the row back. Returns the token's player, or null for an unknown, used or expired token.
 */
export const consumeToken = async (
  client: Client,
  tokenHash: string,
  purpose: "VERIFY_EMAIL" | "RESET_PASSWORD",
  now: Date,
): Promise<{ playerId: string } | null> => {
  const { count } = await client.playerToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count === 0) return null;
  return client.playerToken.findUnique({ where: { tokenHash }, select: { playerId: true } });
};

/** Every other open token of the purpose becomes unusable (a newer link replaces the older ones). */
export const retireOpenTokens = (
  client: Client,
  playerId: string,
  purpose: "VERIFY_EMAIL" | "RESET_PASSWORD",
  now: Date,
) => client.playerToken.updateMany({ where: { playerId, purpose, usedAt: null }, data: { usedAt: now } });

export const countRecentAttempts = async (
  client: Client,
  where: { kind: "SIGN_IN" | "PASSWORD_RESET"; email?: string; ip: string; since: Date; onlyFailures: boolean },
) =>
  client.authAttempt.count({
    where: {
      kind: where.kind,
      ip: where.ip,
      ...(where.email !== undefined ? { email: where.email } : {}),
      createdAt: { gte: where.since },
      ...(where.onlyFailures ? { isSuccess: false } : {}),
    },
  });

export const insertAttempt = (client: Client, data: Prisma.AuthAttemptUncheckedCreateInput) =>
  client.authAttempt.create({ data, select: { id: true } });

export const bumpSessionVersion = (client: Client, playerId: string) =>
  client.player.update({
    where: { id: playerId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
