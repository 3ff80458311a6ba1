import { currencyExponents, DomainError, exponentOf } from "@pitboss/db";
import { z } from "zod";
import type { ServiceDeps } from "../../deps";
import { writeAudit } from "../audit/write-audit";
import { parseInput } from "../parse-input";
import type { StaffDeps } from "../staff/staff.types";
import { listOpenRounds, type OpenRoundsInput } from "./open-rounds";
import { listProviders, listStudioGames } from "./providers";
import { type ReconcileReportInput, reconcileProviderReport } from "./reconcile-report";

/**
 * The back office's view of the studios (admin.studios.*): the providers with their kill switch, each provider's game
 * catalogue with a switch per game, the open-rounds report and the reconciliation of a studio's report. Every switch
 * is written to the audit trail in the same transaction, with the staff member's reason.
 */
type Deps = Pick<ServiceDeps, "db" | "now">;

const providerCode = z.string().regex(/^[a-z0-9][a-z0-9-]{1,31}$/);
const reason = z.string().trim().min(3).max(500);

export const switchProviderInput = z.object({ code: providerCode, isEnabled: z.boolean(), reason }).strict();
export const switchGameInput = z.object({ slug: z.string().min(1).max(64), isEnabled: z.boolean(), reason }).strict();
export const listGamesInput = z.object({ provider: providerCode }).strict();

/** Every provider, with how many games it has and how many rounds it left open. */
export const listStudioProviders = async (deps: Deps) => {
  const [providers, counts] = await Promise.all([
    listProviders(deps),
    deps.db.pool.query<{ provider: string; games: number; open_rounds: number }>({
      name: "studio_provider_counts",
      text: `SELECT gp.code AS provider,
               (SELECT count(*)::int FROM game g WHERE g.provider = gp.code) AS games,
               (SELECT count(*)::int FROM bridge_round r WHERE r.provider = gp.code AND r.status = 'OPEN') AS open_rounds
             FROM game_provider gp`,
    }),
  ]);
  const countOf = new Map(counts.rows.map((row) => [row.provider, row]));
  return providers.map((provider) => ({
    ...provider,
    games: countOf.get(provider.code)?.games ?? 0,
    openRounds: countOf.get(provider.code)?.open_rounds ?? 0,
  }));
};

/** A provider's games with RTP, volatility, countries and stake limits (with each currency's exponent). */
export const listProviderGames = async (deps: Deps, rawInput: z.input<typeof listGamesInput>) => {
  const input = parseInput(listGamesInput, rawInput);
  const provider = await deps.db.prisma.gameProvider.findUnique({
    where: { code: input.provider },
    select: { code: true, name: true, protocol: true, isEnabled: true, disabledReason: true },
  });
  if (!provider) throw new DomainError("NOT_FOUND", { message: `unknown provider "${input.provider}"` });
  const games = await listStudioGames(deps, input.provider);
  return {
    provider,
    games: games.map((game) => ({
      ...game,
      limits: game.limits.map((limit) => ({ ...limit, exponent: exponentOf(limit.currency) })),
    })),
  };
};

/**
 * The kill switch: off, the provider's games cannot be launched and every new bet is refused; wins and rollbacks of
 * bets already taken are still paid. Switching to the state it is in changes nothing and writes nothing.
 */
export const switchProvider = async (deps: StaffDeps, rawInput: z.input<typeof switchProviderInput>) => {
  const input = parseInput(switchProviderInput, rawInput);
  return deps.db.prisma.$transaction(async (tx) => {
    const before = await tx.gameProvider.findUnique({
      where: { code: input.code },
      select: { isEnabled: true, disabledReason: true },
    });
    if (!before) throw new DomainError("NOT_FOUND", { message: `unknown provider "${input.code}"` });
    if (before.isEnabled === input.isEnabled) return { code: input.code, isEnabled: input.isEnabled };
    const after = { isEnabled: input.isEnabled, disabledReason: input.isEnabled ? null : input.reason };
    await tx.gameProvider.update({ where: { code: input.code }, data: { ...after, updatedAt: deps.now() } });
    await writeAudit(tx, deps, deps.audit, {
      action: input.isEnabled ? "studio.provider.enable" : "studio.provider.disable",
      targetType: "game_provider",
      targetId: input.code,
      before,
      after,
      reason: input.reason,
    });
    return { code: input.code, isEnabled: input.isEnabled };
  });
};

/** Switches one studio game on or off (off: no launch, no new bet; wins and rollbacks still paid). */
export const switchGame = async (deps: StaffDeps, rawInput: z.input<typeof switchGameInput>) => {
  const input = parseInput(switchGameInput, rawInput);
  return deps.db.prisma.$transaction(async (tx) => {
    const before = await tx.game.findUnique({
      where: { slug: input.slug },
      select: { id: true, provider: true, isEnabled: true, externalCode: true },
    });
    // In-house games have no external code; they are not switched here.
    if (!before?.externalCode) throw new DomainError("NOT_FOUND", { message: `unknown studio game "${input.slug}"` });
    if (before.isEnabled === input.isEnabled) return { slug: input.slug, isEnabled: input.isEnabled };
    await tx.game.update({ where: { slug: input.slug }, data: { isEnabled: input.isEnabled } });
    await writeAudit(tx, deps, deps.audit, {
      action: input.isEnabled ? "studio.game.enable" : "studio.game.disable",
      targetType: "game",
      targetId: before.id,
      before: { provider: before.provider, slug: input.slug, isEnabled: before.isEnabled },
      after: { isEnabled: input.isEnabled },
      reason: input.reason,
    });
    return { slug: input.slug, isEnabled: input.isEnabled };
  });
};

/** The open-rounds report with each round's game name and currency exponent (for display). */
export const listOpenRoundsForStaff = async (deps: Deps, rawInput: OpenRoundsInput) => {
  const rounds = await listOpenRounds(deps, rawInput);
  const gameIds = [...new Set(rounds.flatMap((round) => (round.gameId ? [round.gameId] : [])))];
  const games = gameIds.length
    ? await deps.db.prisma.game.findMany({ where: { id: { in: gameIds } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(games.map((game) => [game.id, game.name]));
  return rounds.map((round) => ({
    ...round,
    gameName: round.gameId ? (nameOf.get(round.gameId) ?? null) : null,
    exponent: exponentOf(round.currency),
  }));
};

/**
 * Reconciles a studio's report against our records and ledger: lists the mismatches, adjusts nothing (so it writes no
 * audit row). The exponents let the page show the amounts.
 */
export const reconcileStudioReport = async (deps: Deps, rawInput: ReconcileReportInput) => ({
  ...(await reconcileProviderReport(deps, rawInput)),
  exponents: currencyExponents as Record<string, number>,
});
