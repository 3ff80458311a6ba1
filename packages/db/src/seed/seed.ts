import type { Db } from "../client";
import { newId } from "../ids";
import { hashPassword } from "../password-hash";
import { demoGames, demoPlayerPassword, demoPlayers, demoStaff, demoStaffPassword } from "./demo-data";

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
export const seedDemoData = async (db: Db, log: (line: string) => void = () => {}) => {
  const { prisma } = db;
  const playerHash = await hashPassword(demoPlayerPassword);
  const staffHash = await hashPassword(demoStaffPassword);

  for (const game of demoGames) {
    await prisma.game.upsert({ where: { slug: game.slug }, update: {}, create: { id: newId("game"), ...game } });
  }
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
      },
      select: { id: true },
    });
    await seedDeposit(db, id, player.currency, depositMinor);
  }
  log(`seeded ${demoGames.length} games, ${demoStaff.length} staff, ${demoPlayers.length} players`);
};
