import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { refuseRestrictedBetting } from "../players/restrictions";

/** What a wager-time check sees: who wants to stake how much on which game. */
export type WagerCheckInput = {
  playerId: string;
  gameSlug: string;
  currency: string;
  stakeMinor: bigint;
};

/**
 * A check run before any stake is taken: it returns to allow the wager, or throws a DomainError
 * (`WAGER_BLOCKED` with `meta.reason`, a code players and staff can read) to refuse it. Checks only read;
 * nothing has been debited when they run, so a refusal leaves nothing to undo.
 */
export type WagerCheck = (deps: Pick<ServiceDeps, "db" | "now">, input: WagerCheckInput) => Promise<void>;

/** The account must be open: a suspended or closed player cannot stake. */
export const requireActivePlayer: WagerCheck = async ({ db }, { playerId }) => {
  const player = await db.prisma.player.findUnique({ where: { id: playerId }, select: { status: true } });
  if (!player) throw new DomainError("NOT_FOUND", { message: "player not found" });
  if (player.status !== "ACTIVE") {
    throw new DomainError("WAGER_BLOCKED", {
      message: "the account cannot place bets",
      meta: { reason: `ACCOUNT_${player.status}` },
    });
  }
};

/**
 * Every check, in order; the first refusal wins. Account restrictions (back office), then responsible-gambling
 * limits and exclusions, register here: every stake the rounds engine takes passes through this list.
 */
export const wagerChecks: WagerCheck[] = [requireActivePlayer, refuseRestrictedBetting];

export const runWagerChecks = async (deps: Pick<ServiceDeps, "db" | "now">, input: WagerCheckInput) => {
  for (const check of wagerChecks) await check(deps, input);
};
