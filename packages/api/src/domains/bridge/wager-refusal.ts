import { isDomainError } from "@pitboss/db";
import { requireActivePlayer, type WagerCheck, wagerChecks } from "../compliance/wager-checks";
import { refuseRestrictedBetting } from "../players/restrictions";
import { findWagerSubject } from "./bridge.repo";
import type { BridgeDeps, BridgeRefusal } from "./bridge.types";

/**
 * The wager-time checks `bridge_bet` and `bridge_bets_fast` run inside their own statement: `wager_block_reason`
 * (migration 20261121080000_bridge_wallet) mirrors them, and bridge-sql.int.test.ts proves both answer alike for every
 * account status and restriction. A check registered in compliance/wager-checks.ts and not listed here runs in the
 * application before the bet's statement (see `unmirroredWagerRefusal`), so no check is ever skipped.
 */
export const checksMirroredInSql: ReadonlySet<WagerCheck> = new Set([requireActivePlayer, refuseRestrictedBetting]);

/** A WAGER_BLOCKED reason as a studio refusal: account status and staff restrictions disable the user. */
export const refusalOfWagerBlock = (reason: string): BridgeRefusal =>
  reason.startsWith("ACCOUNT_") || reason.startsWith("RESTRICTED_") ? "USER_DISABLED" : "LIMIT_REACHED";

/**
 * The verdict of the wager-time checks not mirrored in SQL, for the bet's statement to apply in their place (after
 * its own checks, so a replay or an earlier refusal still wins). Null when none refuses, or when the player or game
 * is unknown (the statement refuses those itself). Checks only read, so running them first moves nothing.
 */
export const unmirroredWagerRefusal = async (
  deps: BridgeDeps,
  bet: { provider: string; playerId: string; gameCode: string; amountMinor: bigint },
): Promise<BridgeRefusal | null> => {
  const checks = wagerChecks.filter((check) => !checksMirroredInSql.has(check));
  if (checks.length === 0) return null;
  const subject = await findWagerSubject(deps.db, bet.provider, bet.playerId, bet.gameCode);
  if (!subject) return null;
  try {
    for (const check of checks) {
      await check(deps, {
        playerId: bet.playerId,
        gameSlug: subject.slug,
        currency: subject.currency,
        stakeMinor: bet.amountMinor,
      });
    }
    return null;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === "NOT_FOUND") return "PLAYER_NOT_FOUND";
    if (error.code !== "WAGER_BLOCKED") throw error;
    return refusalOfWagerBlock(String(error.meta?.reason ?? ""));
  }
};
