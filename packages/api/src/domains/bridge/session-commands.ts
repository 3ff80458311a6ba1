import { closeRound, findSessionByTokenHash, readBalancesIn } from "./bridge.repo";
import type { Balances, BridgeDeps, BridgeRefusal } from "./bridge.types";
import { hashToken } from "./record";

type Refused = { ok: false; refusal: BridgeRefusal };
export type PlayerView = {
  ok: true;
  playerId: string;
  currency: string;
  country: string;
  balances: Balances;
  /** The game the session was opened for (studio code), when the command started from a token. */
  gameCode?: string | null;
};

const findPlayer = (deps: BridgeDeps, playerId: string) =>
  deps.db.prisma.player.findUnique({ where: { id: playerId }, select: { id: true, currency: true, country: true } });

const viewOf = async (deps: BridgeDeps, player: { id: string; currency: string; country: string }) => ({
  ok: true as const,
  playerId: player.id,
  currency: player.currency,
  country: player.country,
  balances: await readBalancesIn(deps.db, player.id, player.currency),
});

/**
 * Authenticate: the studio presents the session token from the launch URL and learns whose it is, in which
 * currency, with which balance. An unknown token (or another provider's) is INVALID_TOKEN; an expired one
 * TOKEN_EXPIRED.
 */
export const authenticateSession = async (
  deps: BridgeDeps,
  input: { provider: string; token: string },
): Promise<PlayerView | Refused> => {
  const session = await findSessionByTokenHash(deps.db, hashToken(input.token));
  if (!session || session.provider !== input.provider) return { ok: false, refusal: "INVALID_TOKEN" };
  if (session.expiresAt.getTime() <= deps.now().getTime()) return { ok: false, refusal: "TOKEN_EXPIRED" };
  const [player, game] = await Promise.all([
    findPlayer(deps, session.playerId),
    deps.db.prisma.game.findUnique({ where: { id: session.gameId }, select: { externalCode: true } }),
  ]);
  if (!player) return { ok: false, refusal: "PLAYER_NOT_FOUND" };
  return { ...(await viewOf(deps, player)), gameCode: game?.externalCode ?? null };
};

/**
 * A player's balance for a studio. When the protocol sends the session token it must be this player's session with
 * this provider (its age does not matter: balances are asked for after a session ends, too).
 */
export const getBalance = async (
  deps: BridgeDeps,
  input: { provider: string; playerId: string; token?: string | null },
): Promise<PlayerView | Refused> => {
  const [player, session] = await Promise.all([
    findPlayer(deps, input.playerId),
    input.token ? findSessionByTokenHash(deps.db, hashToken(input.token)) : Promise.resolve(null),
  ]);
  if (!player) return { ok: false, refusal: "PLAYER_NOT_FOUND" };
  if (input.token && (!session || session.playerId !== player.id || session.provider !== input.provider)) {
    return { ok: false, refusal: "INVALID_TOKEN" };
  }
  return viewOf(deps, player);
};

/** End round: the studio says a round is over. Closing twice (or a round never seen) answers success. */
export const endRound = async (
  deps: BridgeDeps,
  input: { provider: string; playerId: string; providerRoundId: string },
): Promise<PlayerView | Refused> => {
  const player = await findPlayer(deps, input.playerId);
  if (!player) return { ok: false, refusal: "PLAYER_NOT_FOUND" };
  await closeRound(deps.db, {
    id: deps.newId("bridgeRound"),
    provider: input.provider,
    playerId: player.id,
    providerRoundId: input.providerRoundId,
    currency: player.currency,
    now: deps.now(),
  });
  return viewOf(deps, player);
};
