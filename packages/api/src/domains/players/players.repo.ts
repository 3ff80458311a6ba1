import type { Db, Prisma, Tx } from "@pitboss/db";
import type { RestrictionType } from "./players.schemas";

type Client = Db["prisma"] | Tx;

const summarySelect = {
  id: true,
  email: true,
  displayName: true,
  phone: true,
  country: true,
  currency: true,
  status: true,
  createdAt: true,
} satisfies Prisma.PlayerSelect;

export const searchPlayers = (db: Db, where: Prisma.PlayerWhereInput, take = 25) =>
  db.prisma.player.findMany({ where, select: summarySelect, orderBy: { createdAt: "desc" }, take });

export const findPlayerProfile = (client: Client, playerId: string) =>
  client.player.findUnique({
    where: { id: playerId },
    select: { ...summarySelect, locale: true, dateOfBirth: true },
  });

export const listNotes = (db: Db, playerId: string, take = 100) =>
  db.prisma.playerNote.findMany({
    where: { playerId },
    select: { id: true, body: true, createdAt: true, author: { select: { id: true, displayName: true } } },
    orderBy: { createdAt: "desc" },
    take,
  });

export const listTags = (db: Db, playerId: string) =>
  db.prisma.playerTag.findMany({
    where: { playerId },
    select: { tag: true, createdAt: true, creator: { select: { displayName: true } } },
    orderBy: { tag: "asc" },
  });

const restrictionSelect = {
  id: true,
  playerId: true,
  type: true,
  reason: true,
  createdAt: true,
  liftedAt: true,
  liftReason: true,
  creator: { select: { id: true, displayName: true } },
  lifter: { select: { id: true, displayName: true } },
} satisfies Prisma.PlayerRestrictionSelect;

export const listRestrictions = (db: Db, playerId: string) =>
  db.prisma.playerRestriction.findMany({
    where: { playerId },
    select: restrictionSelect,
    orderBy: { createdAt: "desc" },
  });

export const findRestriction = (client: Client, id: string) =>
  client.playerRestriction.findUnique({ where: { id }, select: restrictionSelect });

export const activeRestrictionTypes = async (client: Client, playerId: string): Promise<RestrictionType[]> =>
  (await client.playerRestriction.findMany({ where: { playerId, liftedAt: null }, select: { type: true } })).map(
    (r) => r.type,
  );

export const listAdjustmentsOf = (db: Db, playerId: string, take = 50) =>
  db.prisma.adjustmentRequest.findMany({
    where: { playerId },
    select: {
      id: true,
      currency: true,
      amountMinor: true,
      reasonCode: true,
      status: true,
      requestedAt: true,
      decidedAt: true,
      requester: { select: { displayName: true } },
      decider: { select: { displayName: true } },
    },
    orderBy: { requestedAt: "desc" },
    take,
  });

/** Sign-in attempts are keyed by the (lower-cased) email typed, so a player's are those for their email. */
export const listSignInAttempts = (db: Db, email: string, take = 50) =>
  db.prisma.authAttempt.findMany({
    where: { email, kind: "SIGN_IN" },
    select: { id: true, ip: true, isSuccess: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
