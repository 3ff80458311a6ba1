import { randomUUID } from "node:crypto";
import { DomainError, newId } from "@pitboss/db";
import { demoGameLimits, demoGames } from "@pitboss/db/testing";
import { TRPCError } from "@trpc/server";
import type { ServiceDeps } from "../deps";
import { getPlayerBalances } from "../domains/wallet/ledger-reads";

/**
 * The demo catalogue's games and stake limits, inserted only where missing (ON CONFLICT DO NOTHING), so test files
 * running in parallel on one database never race each other or the demo seed.
 */
export const ensureInHouseGames = async ({ db }: ServiceDeps) => {
  await db.prisma.game.createMany({
    data: demoGames.map((game) => ({ id: newId("game"), ...game })),
    skipDuplicates: true,
  });
  const ids = new Map(
    (
      await db.prisma.game.findMany({
        where: { slug: { in: demoGames.map((g) => g.slug) } },
        select: { id: true, slug: true },
      })
    ).map((g) => [g.slug, g.id]),
  );
  await db.prisma.gameLimit.createMany({
    data: demoGameLimits.flatMap(({ slug, ...limit }) => {
      const gameId = ids.get(slug);
      return gameId ? [{ gameId, ...limit }] : [];
    }),
    skipDuplicates: true,
  });
};

/** The domain code of a failure, whether a service threw it or a tRPC caller wrapped it (schema → INVALID_INPUT). */
export const domainCodeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return "NO_ERROR";
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    if (error instanceof TRPCError) {
      if (error.cause instanceof DomainError) return error.cause.code;
      if (error.code === "BAD_REQUEST" && error.cause?.name === "ZodError") return "INVALID_INPUT";
      return error.code;
    }
    return (error as { code?: string }).code ?? "UNKNOWN";
  }
};

export const cashOf = async (deps: ServiceDeps, playerId: string, type = "CASH") =>
  (await getPlayerBalances(deps, playerId)).find((b) => b.type === type)?.balanceMinor ?? 0n;

export const newKey = () => randomUUID();

/** Every ledger transaction that names the round, oldest first. */
export const ledgerOfRound = (deps: ServiceDeps, roundId: string) =>
  deps.db.prisma.ledgerTransaction.findMany({
    where: { roundId },
    select: { id: true, kind: true, reversesTxnId: true },
    orderBy: { createdAt: "asc" },
  });
