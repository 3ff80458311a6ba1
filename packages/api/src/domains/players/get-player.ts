import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { findPlayerProfile, listNotes, listRestrictions, listTags } from "./players.repo";
import { type PlayerIdInput, playerIdInput } from "./players.schemas";

/** The player 360 header: profile, tags, restrictions (active and lifted) and staff notes. */
export const getPlayer = async ({ db }: Pick<ServiceDeps, "db">, rawInput: PlayerIdInput) => {
  const { playerId } = playerIdInput.parse(rawInput);
  const profile = await findPlayerProfile(db.prisma, playerId);
  if (!profile) throw new DomainError("NOT_FOUND");
  const [tags, restrictions, notes] = await Promise.all([
    listTags(db, playerId),
    listRestrictions(db, playerId),
    listNotes(db, playerId),
  ]);
  return {
    profile,
    tags,
    restrictions: restrictions.map((r) => ({ ...r, isActive: r.liftedAt === null })),
    notes,
  };
};
