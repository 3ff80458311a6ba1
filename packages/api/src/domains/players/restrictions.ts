import { DomainError, type Tx } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { writeAudit } from "../audit/write-audit";
import type { WagerCheck } from "../compliance/wager-checks";
import type { StaffDeps } from "../staff/staff.types";
import { activeRestrictionTypes, findPlayerProfile, findRestriction } from "./players.repo";
import {
  type LiftRestrictionInput,
  liftRestrictionInput,
  type PlaceRestrictionInput,
  placeRestrictionInput,
  type RestrictionType,
} from "./players.schemas";

/** Which restrictions stop which activity (SUSPEND and CLOSE stop everything). */
const blocking = {
  betting: ["BLOCK_BETTING", "SUSPEND", "CLOSE"],
  deposits: ["BLOCK_DEPOSITS", "SUSPEND", "CLOSE"],
  withdrawals: ["BLOCK_WITHDRAWALS", "CLOSE"],
} as const satisfies Record<string, readonly RestrictionType[]>;

/** The player status the active restrictions imply (kept in the same transaction as the restriction). */
const statusFor = (active: readonly RestrictionType[]) =>
  active.includes("CLOSE") ? "CLOSED" : active.includes("SUSPEND") ? "SUSPENDED" : "ACTIVE";

const isBlocked = async (
  { db }: Pick<ServiceDeps, "db">,
  playerId: string,
  activity: keyof typeof blocking,
): Promise<boolean> => {
  const [player, active] = await Promise.all([
    findPlayerProfile(db.prisma, playerId),
    activeRestrictionTypes(db.prisma, playerId),
  ]);
  if (!player) return true;
  return player.status !== "ACTIVE" || active.some((type) => (blocking[activity] as readonly string[]).includes(type));
};

/** For the wager-time checks: true when the player may not place a stake now (restricted, suspended, closed). */
export const isBettingBlocked = (deps: Pick<ServiceDeps, "db">, playerId: string) =>
  isBlocked(deps, playerId, "betting");
/** For the payments domain: deposits refused. */
export const isDepositBlocked = (deps: Pick<ServiceDeps, "db">, playerId: string) =>
  isBlocked(deps, playerId, "deposits");
/** For the payments domain: withdrawal requests refused (a suspended player may still withdraw). */
export const isWithdrawalBlocked = async (deps: Pick<ServiceDeps, "db">, playerId: string) => {
  const active = await activeRestrictionTypes(deps.db.prisma, playerId);
  return active.some((type) => (blocking.withdrawals as readonly string[]).includes(type));
};

/**
 * Wager-time check (registered in compliance/wager-checks.ts): an active BLOCK_BETTING, SUSPEND or CLOSE
 * restriction refuses the stake with WAGER_BLOCKED and `meta.reason` = `RESTRICTED_<TYPE>`.
 */
export const refuseRestrictedBetting: WagerCheck = async ({ db }, { playerId }) => {
  const active = await activeRestrictionTypes(db.prisma, playerId);
  const restriction = active.find((type) => (blocking.betting as readonly string[]).includes(type));
  if (restriction) {
    throw new DomainError("WAGER_BLOCKED", {
      message: "the account is restricted from betting",
      meta: { reason: `RESTRICTED_${restriction}` },
    });
  }
};

const syncStatus = async (tx: Tx, playerId: string) => {
  const status = statusFor(await activeRestrictionTypes(tx, playerId));
  await tx.player.update({ where: { id: playerId }, data: { status } });
  return status;
};

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

/** Places a restriction with its reason; the same type already active is a CONFLICT. */
export const placeRestriction = async (deps: StaffDeps, rawInput: PlaceRestrictionInput) => {
  const input = placeRestrictionInput.parse(rawInput);
  const id = deps.newId("restriction");
  try {
    return await deps.db.prisma.$transaction(async (tx) => {
      const player = await findPlayerProfile(tx, input.playerId);
      if (!player) throw new DomainError("NOT_FOUND");
      await tx.playerRestriction.create({
        data: {
          id,
          playerId: input.playerId,
          type: input.type,
          reason: input.reason,
          createdBy: deps.staff.id,
          createdAt: deps.now(),
        },
      });
      const status = await syncStatus(tx, input.playerId);
      await writeAudit(tx, deps, deps.audit, {
        action: "player.restriction.place",
        targetType: "player",
        targetId: input.playerId,
        before: { status: player.status },
        after: { restrictionId: id, type: input.type, status },
        reason: input.reason,
      });
      return { restrictionId: id, type: input.type, playerStatus: status };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", { message: `${input.type} is already active` });
    throw error;
  }
};

const lift = async (deps: StaffDeps, rawInput: LiftRestrictionInput, kind: "LIFT" | "REOPEN") => {
  const input = liftRestrictionInput.parse(rawInput);
  return deps.db.prisma.$transaction(async (tx) => {
    const restriction = await findRestriction(tx, input.restrictionId);
    if (!restriction) throw new DomainError("NOT_FOUND");
    if ((restriction.type === "CLOSE") !== (kind === "REOPEN")) {
      throw new DomainError("INVALID_INPUT", {
        message:
          kind === "LIFT" ? "a closed account is reopened, by an admin" : "only a CLOSE restriction reopens an account",
      });
    }
    const lifted = await tx.playerRestriction.updateMany({
      where: { id: restriction.id, liftedAt: null },
      data: { liftedAt: deps.now(), liftedBy: deps.staff.id, liftReason: input.reason },
    });
    if (lifted.count !== 1) throw new DomainError("CONFLICT", { message: "already lifted" });
    const status = await syncStatus(tx, restriction.playerId);
    await writeAudit(tx, deps, deps.audit, {
      action: kind === "REOPEN" ? "player.reopen" : "player.restriction.lift",
      targetType: "player",
      targetId: restriction.playerId,
      before: { restrictionId: restriction.id, type: restriction.type, isActive: true },
      after: { isActive: false, status },
      reason: input.reason,
    });
    return { restrictionId: restriction.id, playerStatus: status };
  });
};

/**
 * Lifts an active restriction, with a reason. A CLOSE is lifted only by `reopenAccount`: closing is protective and
 * any restricting role may do it, reopening is an admin's decision (`player.reopen`).
 */
export const liftRestriction = (deps: StaffDeps, rawInput: LiftRestrictionInput) => lift(deps, rawInput, "LIFT");

/** Reopens a closed account: lifts its CLOSE restriction, with a reason. */
export const reopenAccount = (deps: StaffDeps, rawInput: LiftRestrictionInput) => lift(deps, rawInput, "REOPEN");
