import type { Db, Prisma, Tx } from "@pitboss/db";

/** The client a query runs on: the shared Prisma client, or a transaction a service opened. */
type Client = Db["prisma"] | Tx;

// ─── Reads ────────────────────────────────────────────────────────────────────────────────────────────────

/** `isOpenAndUndecided` (round-lifecycle.ts) as a query filter: the rounds still in play. */
const undecidedOpen = { status: "OPEN", result: null, voidReason: null } as const;

export const roundSelect = {
  id: true,
  playerId: true,
  currency: true,
  calcVer: true,
  status: true,
  result: true,
  voidReason: true,
  totalStakeMinor: true,
  totalPayoutMinor: true,
  seedPairId: true,
  nonce: true,
  params: true,
  outcome: true,
  idempotencyKey: true,
  requestHash: true,
  winTxnId: true,
  timeoutAt: true,
  createdAt: true,
  settledAt: true,
  game: { select: { id: true, slug: true, provider: true } },
  seedPair: { select: { id: true, serverSeed: true, serverSeedHash: true, clientSeed: true, revealedAt: true } },
  bets: {
    select: { id: true, stakeMinor: true, idempotencyKey: true, debitTxnId: true, refundTxnId: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.RoundSelect;

export type RoundRow = Prisma.RoundGetPayload<{ select: typeof roundSelect }>;

export const findRound = (db: Client, roundId: string) =>
  db.round.findUnique({ where: { id: roundId }, select: roundSelect });

/** Scoped to the player: someone else's round is simply not found. */
export const findPlayerRound = (db: Client, playerId: string, roundId: string) =>
  db.round.findFirst({ where: { id: roundId, playerId }, select: roundSelect });

export const findRoundByKey = (db: Client, playerId: string, idempotencyKey: string) =>
  db.round.findUnique({ where: { playerId_idempotencyKey: { playerId, idempotencyKey } }, select: roundSelect });

export const listPlayerRounds = (db: Client, playerId: string, take: number) =>
  db.round.findMany({
    where: { playerId },
    select: roundSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });

/**
 * The player's latest multi-step round of a game still in play: open, undecided, and holding the nonce it was
 * opened with (a multi-step round has its nonce from the start; an instant one is never open and undecided with it).
 */
export const findOpenMultiStepRound = (db: Client, playerId: string, gameSlug: string) =>
  db.round.findFirst({
    where: { playerId, game: { slug: gameSlug }, ...undecidedOpen, nonce: { not: null } },
    select: roundSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });

/** Open rounds past their deadline, oldest first (served by the (status, timeout_at) index). */
export const findStaleOpenRoundIds = async (
  db: Client,
  filter: { now: Date; take: number; afterId?: string; playerId?: string },
) =>
  (
    await db.round.findMany({
      where: {
        status: "OPEN",
        timeoutAt: { lte: filter.now },
        ...(filter.afterId ? { id: { gt: filter.afterId } } : {}),
        ...(filter.playerId ? { playerId: filter.playerId } : {}),
      },
      select: { id: true },
      orderBy: { id: "asc" },
      take: filter.take,
    })
  ).map((r) => r.id);

export const findPlayer = (db: Client, playerId: string) =>
  db.player.findUnique({ where: { id: playerId }, select: { id: true, currency: true, status: true } });

export const findGameWithLimit = (db: Client, slug: string, currency: string) =>
  db.game.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      provider: true,
      isEnabled: true,
      limits: { where: { currency }, select: { minStakeMinor: true, maxStakeMinor: true } },
    },
  });

export const findBetByKey = (db: Client, playerId: string, idempotencyKey: string) =>
  db.bet.findUnique({
    where: { playerId_idempotencyKey: { playerId, idempotencyKey } },
    select: { id: true, roundId: true, requestHash: true, stakeMinor: true, debitTxnId: true },
  });

// ─── Round writes ─────────────────────────────────────────────────────────────────────────────────────────

export const insertRound = (db: Client, data: Prisma.RoundUncheckedCreateInput) =>
  db.round.create({ data, select: { id: true } });

/**
 * Records one step of a multi-step round (its params so far), or its settle decision (outcome and payout fixed),
 * only if the round is exactly as the step saw it: open, undecided, the same stake and the same params. A concurrent step, bet or decision makes it a no-op (0): the winner's write stands.
 */
export const recordRoundStep = async (
  db: Client,
  roundId: string,
  seen: { totalStakeMinor: bigint; params: Prisma.InputJsonValue },
  data: Pick<Prisma.RoundUncheckedUpdateInput, "params" | "result" | "totalPayoutMinor" | "outcome">,
) =>
  (
    await db.round.updateMany({
      where: {
        id: roundId,
        ...undecidedOpen,
        totalStakeMinor: seen.totalStakeMinor,
        params: { equals: seen.params },
      },
      data,
    })
  ).count;

/** Records the void decision if the round is still open and undecided. */
export const decideRoundVoid = async (db: Client, roundId: string, voidReason: string) =>
  (await db.round.updateMany({ where: { id: roundId, ...undecidedOpen }, data: { voidReason } })).count;

/** Moves a decided round to its final status once the money has moved (only from OPEN, so only once). */
export const closeRound = async (
  db: Client,
  roundId: string,
  data: { status: "SETTLED" | "VOIDED"; settledAt: Date; winTxnId?: string | null },
) => (await db.round.updateMany({ where: { id: roundId, status: "OPEN" }, data })).count;

export const recordBetRefund = (db: Client, betId: string, refundTxnId: string) =>
  db.bet.update({ where: { id: betId }, data: { refundTxnId } });

// ─── Seed pairs ───────────────────────────────────────────────────────────────────────────────────────────

const seedPairSelect = {
  id: true,
  serverSeed: true,
  serverSeedHash: true,
  clientSeed: true,
  nextNonce: true,
  createdAt: true,
  revealedAt: true,
} satisfies Prisma.FairnessSeedPairSelect;

export type SeedPairRow = Prisma.FairnessSeedPairGetPayload<{ select: typeof seedPairSelect }>;

export const findActiveSeedPair = (db: Client, playerId: string) =>
  db.fairnessSeedPair.findUnique({ where: { activePlayerId: playerId }, select: seedPairSelect });

export const findLastRevealedSeedPair = (db: Client, playerId: string) =>
  db.fairnessSeedPair.findFirst({
    where: { playerId, activePlayerId: null },
    select: seedPairSelect,
    orderBy: [{ revealedAt: "desc" }, { id: "desc" }],
  });

/** Inserts the pair as the player's active one unless they already have one (ON CONFLICT DO NOTHING). */
export const insertActiveSeedPairIfNone = (db: Client, data: Prisma.FairnessSeedPairCreateManyInput) =>
  db.fairnessSeedPair.createMany({ data: [data], skipDuplicates: true });

export const insertSeedPair = (tx: Client, data: Prisma.FairnessSeedPairUncheckedCreateInput) =>
  tx.fairnessSeedPair.create({ data, select: seedPairSelect });

/** Rotates the active pair out (reveals its seed); the row lock serialises this with nonce reservations. */
export const revealActiveSeedPair = (tx: Client, playerId: string, revealedAt: Date) =>
  tx.fairnessSeedPair.update({
    where: { activePlayerId: playerId },
    data: { activePlayerId: null, revealedAt },
    select: seedPairSelect,
  });

/** Reserves the active pair's next nonce (row-locked increment) and returns the pair with the nonce taken. */
export const reserveNonce = async (tx: Client, playerId: string) => {
  const pair = await tx.fairnessSeedPair.update({
    where: { activePlayerId: playerId },
    data: { nextNonce: { increment: 1 } },
    select: seedPairSelect,
  });
  return { ...pair, nonce: pair.nextNonce - 1 };
};

/** Open rounds on the pair whose outcome is not fixed yet: revealing the seed now would give them away. */
export const countUndecidedRoundsOnPair = (tx: Client, seedPairId: string) =>
  tx.round.count({ where: { seedPairId, ...undecidedOpen } });
