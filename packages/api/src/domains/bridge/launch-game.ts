import { randomBytes } from "node:crypto";
import { DomainError } from "@pitboss/db";
import { z } from "zod";
import type { ServiceDeps } from "../../deps";
import { runWagerChecks } from "../compliance/wager-checks";
import { parseInput } from "../parse-input";
import { IN_HOUSE_PROVIDER } from "../rounds/round-rules";
import { hashToken } from "./record";

/** How long a studio session accepts new bets; wins and rollbacks are accepted after it, as the protocols require. */
export const GAME_SESSION_TTL_MS = 4 * 60 * 60 * 1000;

export const launchStudioGameInput = z
  .object({
    slug: z.string().min(1).max(64),
    /** The player's language for the studio's UI (BCP 47). */
    locale: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$/)
      .optional(),
  })
  .strict();
export type LaunchStudioGameInput = z.input<typeof launchStudioGameInput>;

/**
 * Opens a studio game for a player: a new game session bound to player, game, currency and provider, and the studio
 * URL to show in the iframe (the session token travels in it; only its SHA-256 is stored). Refused for a game that is
 * not a studio game, a disabled game or provider, a country or currency it is not offered in, or a player the
 * wager-time checks would refuse anyway.
 */
export const launchStudioGame = async (
  deps: Pick<ServiceDeps, "db" | "now" | "newId">,
  rawInput: LaunchStudioGameInput & { playerId: string },
) => {
  const { playerId, ...raw } = rawInput;
  const input = parseInput(launchStudioGameInput, raw);
  const player = await deps.db.prisma.player.findUnique({
    where: { id: playerId },
    select: { id: true, currency: true, country: true },
  });
  if (!player) throw new DomainError("NOT_FOUND", { message: "player not found" });
  const game = await deps.db.prisma.game.findUnique({
    where: { slug: input.slug },
    select: {
      id: true,
      slug: true,
      name: true,
      provider: true,
      isEnabled: true,
      externalCode: true,
      countries: true,
      limits: { where: { currency: player.currency }, select: { minStakeMinor: true, maxStakeMinor: true } },
    },
  });
  if (!game || game.provider === IN_HOUSE_PROVIDER || !game.externalCode) {
    throw new DomainError("NOT_FOUND", { message: `unknown studio game "${input.slug}"`, meta: { game: input.slug } });
  }
  const provider = await deps.db.prisma.gameProvider.findUnique({
    where: { code: game.provider },
    select: { code: true, launchUrl: true, isEnabled: true },
  });
  if (!provider) throw new DomainError("NOT_FOUND", { message: `unknown provider "${game.provider}"` });
  const unavailable = (reason: string) =>
    new DomainError("GAME_UNAVAILABLE", {
      message: `the game cannot be played: ${reason}`,
      meta: { game: game.slug, reason },
    });
  if (!provider.isEnabled) throw unavailable("PROVIDER_DISABLED");
  if (!game.isEnabled) throw unavailable("GAME_DISABLED");
  if (game.countries.length > 0 && !game.countries.includes(player.country)) throw unavailable("COUNTRY");
  if (game.limits.length === 0) throw unavailable("CURRENCY");
  await runWagerChecks(deps, { playerId: player.id, gameSlug: game.slug, currency: player.currency, stakeMinor: 0n });

  const token = randomBytes(32).toString("base64url");
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + GAME_SESSION_TTL_MS);
  const session = await deps.db.prisma.gameSession.create({
    data: {
      id: deps.newId("gameSession"),
      tokenHash: hashToken(token),
      playerId: player.id,
      gameId: game.id,
      provider: provider.code,
      currency: player.currency,
      createdAt: now,
      expiresAt,
    },
    select: { id: true },
  });
  const url = new URL(provider.launchUrl);
  url.searchParams.set("token", token);
  url.searchParams.set("user", player.id);
  url.searchParams.set("game", game.externalCode);
  url.searchParams.set("currency", player.currency);
  if (input.locale) url.searchParams.set("lang", input.locale);
  return {
    sessionId: session.id,
    url: url.toString(),
    origin: url.origin,
    expiresAt,
    game: { slug: game.slug, name: game.name, provider: game.provider },
  };
};
