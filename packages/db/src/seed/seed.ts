import type { Db } from "../client";
import { newId } from "../ids";
import { hashPassword } from "../password-hash";
import {
  demoCashierMethods,
  demoCashierOverrides,
  demoGameLimits,
  demoGames,
  demoPaymentJurisdictions,
  demoPaymentRoutes,
  demoPlayerPassword,
  demoPlayers,
  demoStaff,
  demoStaffPassword,
  demoStudio,
  demoWithdrawalAutoApproval,
} from "./demo-data";

/**
 * The opening deposit, through the ledger function like any deposit; its deterministic idempotency key makes
 * a second seed a no-op (the ledger returns the original transaction).
 */
const seedDeposit = async (db: Db, playerId: string, currency: string, amountMinor: bigint) => {
  const txn = {
    id: newId("transaction"),
    kind: "DEPOSIT",
    playerId,
    currency,
    idempotencyScope: "seed",
    idempotencyKey: `opening-deposit:${playerId}`,
    requestHash: `seed-v1:${currency}:${amountMinor}`,
    metadata: { source: "demo-seed" },
  };
  const legs = [
    { playerId: null, type: "PSP_CLEARING", scope: "demo-seed", amount: (-amountMinor).toString() },
    { playerId, type: "CASH", scope: "", amount: amountMinor.toString() },
  ];
  await db.pool.query("SELECT ledger_transfer($1, $2, $3, $4)", [
    txn,
    JSON.stringify(legs),
    { eventId: newId("event") },
    [newId("account"), newId("account")],
  ]);
};

/**
 * Idempotent demo seed: running it twice changes nothing the second time. Rows are matched by their natural
 * keys (email, slug), and money is added only through the ledger with deterministic idempotency keys.
 */
export const seedDemoData = async (
  db: Db,
  log: (line: string) => void = () => {},
  /** Where the demo studio serves its game (`npm start` passes its port); set, it is written on every seed. */
  options: { demoStudioUrl?: string } = {},
) => {
  const { prisma } = db;
  const playerHash = await hashPassword(demoPlayerPassword);
  const staffHash = await hashPassword(demoStaffPassword);

  for (const game of demoGames) {
    await prisma.game.upsert({ where: { slug: game.slug }, update: {}, create: { id: newId("game"), ...game } });
  }
  // The demo studio: its registration (protocol, launch URL; the key is the environment's) and its games' studio codes.
  const { games: studioGames, ...studio } = demoStudio;
  const launchUrl = options.demoStudioUrl ?? studio.launchUrl;
  await prisma.gameProvider.upsert({
    where: { code: studio.code },
    update: options.demoStudioUrl ? { launchUrl } : {},
    create: { ...studio, launchUrl },
  });
  for (const { slug, ...details } of studioGames) {
    await prisma.game.updateMany({ where: { slug, externalCode: null }, data: details });
  }
  // Stake limits only where none exist yet, so limits staff changed are never reset by a re-seed.
  const gameIds = new Map(
    (
      await prisma.game.findMany({
        where: { slug: { in: demoGames.map((g) => g.slug) } },
        select: { id: true, slug: true },
      })
    ).map((g) => [g.slug, g.id]),
  );
  await prisma.gameLimit.createMany({
    data: demoGameLimits.flatMap(({ slug, ...limit }) => {
      const gameId = gameIds.get(slug);
      return gameId ? [{ gameId, ...limit }] : [];
    }),
    skipDuplicates: true,
  });
  // Payments: cashier methods, thresholds, routes and jurisdiction rules only where none exist yet (staff may tune them).
  await prisma.cashierMethod.createMany({
    data: [...demoCashierMethods, ...demoCashierOverrides],
    skipDuplicates: true,
  });
  await prisma.withdrawalAutoApproval.createMany({ data: demoWithdrawalAutoApproval, skipDuplicates: true });
  await prisma.paymentRoute.createMany({ data: [...demoPaymentRoutes], skipDuplicates: true });
  await prisma.paymentJurisdiction.createMany({ data: [...demoPaymentJurisdictions], skipDuplicates: true });
  for (const staff of demoStaff) {
    await prisma.staffUser.upsert({
      where: { email: staff.email },
      update: {},
      create: { id: newId("staff"), ...staff, roles: [...staff.roles], passwordHash: staffHash },
    });
  }
  for (const player of demoPlayers) {
    const { depositMinor, dateOfBirth, ...profile } = player;
    const { id } = await prisma.player.upsert({
      where: { email: player.email },
      update: {},
      create: {
        id: newId("player"),
        ...profile,
        dateOfBirth: new Date(`${dateOfBirth}T00:00:00Z`),
        passwordHash: playerHash,
        // Demo players can deposit and play at once: their (fictional) addresses count as confirmed.
        emailVerifiedAt: new Date("2026-01-01T00:00:00Z"),
      },
      select: { id: true },
    });
    // Players seeded before phones existed get theirs; a phone set since is never overwritten.
    if (profile.phone) await prisma.player.updateMany({ where: { id, phone: null }, data: { phone: profile.phone } });
    await seedDeposit(db, id, player.currency, depositMinor);
  }
  log(`seeded ${demoGames.length} games, ${demoStaff.length} staff, ${demoPlayers.length} players`);
};
