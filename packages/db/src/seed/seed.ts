import type { Db } from "../client";
import { newId } from "../ids";
import { hashPassword } from "../password-hash";
import { demoGames, demoPlayerPassword, demoPlayers, demoStaff, demoStaffPassword } from "./demo-data";

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
    const { depositMinor: _deposit, dateOfBirth, ...profile } = player;
    await prisma.player.upsert({
      where: { email: player.email },
      update: {},
      create: {
        id: newId("player"),
        ...profile,
        dateOfBirth: new Date(`${dateOfBirth}T00:00:00Z`),
        passwordHash: playerHash,
      },
    });
  }
  log(`seeded ${demoGames.length} games, ${demoStaff.length} staff, ${demoPlayers.length} players`);
};
