import { randomBytes } from "node:crypto";
import type { Db } from "../client";
import { newId } from "../ids";
import type { CurrencyCode } from "../money";

/**
 * Test data with unique natural keys, so tests running in parallel on one database never collide and
 * never need to truncate shared tables.
 */
export const uniqueEmail = (label = "player") => `${label}-${randomBytes(6).toString("hex")}@test.pitboss.dev`;

export const createTestPlayer = (
  db: Db,
  overrides: Partial<{
    email: string;
    currency: CurrencyCode;
    country: string;
    dateOfBirth: Date;
    displayName: string;
    phone: string;
  }> = {},
) =>
  db.prisma.player.create({
    data: {
      id: newId("player"),
      email: overrides.email ?? uniqueEmail(),
      displayName: overrides.displayName ?? "Test Player",
      passwordHash: "scrypt$unusable",
      country: overrides.country ?? "DE",
      dateOfBirth: overrides.dateOfBirth ?? new Date("1990-01-01T00:00:00Z"),
      currency: overrides.currency ?? "EUR",
      phone: overrides.phone ?? null,
    },
    select: { id: true, email: true, currency: true },
  });
