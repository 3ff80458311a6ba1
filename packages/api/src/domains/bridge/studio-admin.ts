import { currencyExponents, DomainError, exponentOf } from "@pitboss/db";
import { z } from "zod";
import type { ServiceDeps } from "../../deps";
import { writeAudit } from "../audit/write-audit";
import { parseInput } from "../parse-input";
import type { StaffDeps } from "../staff/staff.types";
import { listOpenRounds, type OpenRoundsInput } from "./open-rounds";
import { listProviders, listStudioGames, providerCode, setGameEnabled, setProviderEnabled } from "./providers";
import { type ReconcileReportInput, reconcileProviderReport } from "./reconcile-report";

/**
 * The back office's view of the studios (admin.studios.*): the providers with their kill switch, each provider's game
 * catalogue with a switch per game, the open-rounds report and the reconciliation of a studio's report. Every switch
 * is written to the audit trail in the same transaction, with the staff member's reason.
 */
type Deps = Pick<ServiceDeps, "db" | "now">;

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

/** The kill switch (see setProviderEnabled) for staff: always with a reason, audited when it changes something. */
export const switchProvider = async (deps: StaffDeps, rawInput: z.input<typeof switchProviderInput>) => {
  const input = parseInput(switchProviderInput, rawInput);
  return setProviderEnabled(deps, input, (tx, { before, after }) =>
    writeAudit(tx, deps, deps.audit, {
      action: input.isEnabled ? "studio.provider.enable" : "studio.provider.disable",
      targetType: "game_provider",
      targetId: input.code,
      before,
      after,
      reason: input.reason,
    }),
  );
};

/** A studio game's switch (see setGameEnabled) for staff: always with a reason, audited when it changes something. */
export const switchGame = async (deps: StaffDeps, rawInput: z.input<typeof switchGameInput>) => {
  const input = parseInput(switchGameInput, rawInput);
  return setGameEnabled(deps, { slug: input.slug, isEnabled: input.isEnabled }, (tx, before) =>
    writeAudit(tx, deps, deps.audit, {
      action: input.isEnabled ? "studio.game.enable" : "studio.game.disable",
      targetType: "game",
      targetId: before.id,
      before: { provider: before.provider, slug: input.slug, isEnabled: before.isEnabled },
      after: { isEnabled: input.isEnabled },
      reason: input.reason,
    }),
  );
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
