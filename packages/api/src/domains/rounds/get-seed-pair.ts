import { randomBytes } from "node:crypto";
import type { ServiceDeps } from "../../deps";
import { hashServerSeed, newServerSeed } from "../games/fairness";
import {
  findActiveSeedPair,
  findLastRevealedSeedPair,
  insertActiveSeedPairIfNone,
  type SeedPairRow,
} from "./rounds.repo";

type Deps = Pick<ServiceDeps, "db" | "now" | "newId">;

/** A fresh client seed for a player who has not chosen one (CSPRNG, like the server seed). */
export const newClientSeed = () => randomBytes(12).toString("hex");

/** A new pair's row: a fresh CSPRNG server seed and its SHA-256 commitment, nonce 0. */
export const newSeedPairData = (deps: Deps, playerId: string, clientSeed: string) => {
  const serverSeed = newServerSeed();
  return {
    id: deps.newId("seed"),
    playerId,
    serverSeed,
    serverSeedHash: hashServerSeed(serverSeed),
    clientSeed,
    nextNonce: 0,
    activePlayerId: playerId,
    createdAt: deps.now(),
  };
};

/** The player's active pair, created on first use (concurrent first uses agree on one: unique active row). */
export const ensureActiveSeedPair = async (deps: Deps, playerId: string): Promise<SeedPairRow> => {
  const existing = await findActiveSeedPair(deps.db.prisma, playerId);
  if (existing) return existing;
  await insertActiveSeedPairIfNone(deps.db.prisma, newSeedPairData(deps, playerId, newClientSeed()));
  const created = await findActiveSeedPair(deps.db.prisma, playerId);
  if (!created) throw new Error(`no active seed pair for ${playerId} after creating one`);
  return created;
};

/** The commitment a player sees before playing: never the active server seed itself. */
export const toActivePairView = (pair: SeedPairRow) => ({
  id: pair.id,
  serverSeedHash: pair.serverSeedHash,
  clientSeed: pair.clientSeed,
  nextNonce: pair.nextNonce,
  createdAt: pair.createdAt,
});

/** A rotated-out pair: its seed is public now, so every round it produced can be verified. */
export const toRevealedPairView = (pair: SeedPairRow) => ({
  id: pair.id,
  serverSeed: pair.serverSeed,
  serverSeedHash: pair.serverSeedHash,
  clientSeed: pair.clientSeed,
  /** Rounds played with the pair used nonces 0 … nonceCount − 1. */
  nonceCount: pair.nextNonce,
  createdAt: pair.createdAt,
  revealedAt: pair.revealedAt,
});

/** The player's fairness state: the active commitment and the most recently revealed pair. */
export const getSeedPair = async (deps: Deps, { playerId }: { playerId: string }) => {
  const active = await ensureActiveSeedPair(deps, playerId);
  const previous = await findLastRevealedSeedPair(deps.db.prisma, playerId);
  return { active: toActivePairView(active), previous: previous ? toRevealedPairView(previous) : null };
};
