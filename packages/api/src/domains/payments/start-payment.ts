import { DomainError, parseMoney } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import type { MoneyTx } from "../money-transaction";
import { parseInput } from "../parse-input";
import { isDepositBlocked, isWithdrawalBlocked } from "../players/restrictions";
import { effectiveMethods, utcDayStart } from "./cashier-config";
import { feeFor } from "./fee";
import {
  countPaymentsSince,
  findPaymentByKey,
  insertPayment,
  lockPlayerPayments,
  type PaymentRow,
} from "./payments.repo";
import { type PaymentDirection, type StartPaymentInput, startPaymentInput } from "./payments.schemas";

type Deps = Pick<ServiceDeps, "db" | "now" | "newId">;

/**
 * What a deposit and a withdrawal request check before anything is created, each refusal a typed error: the
 * request itself (amount, currency, method for the player's country), then the account (restrictions, email).
 * Returns the parsed request, or the earlier payment when the player's key was used before for the same request.
 */
export const checkPaymentRequest = async (
  deps: Deps,
  direction: PaymentDirection,
  playerId: string,
  rawInput: StartPaymentInput,
) => {
  const input = parseInput(startPaymentInput, rawInput);
  const { amountMinor } = parseMoney(input.amount, input.currency);
  if (amountMinor <= 0n) throw new DomainError("INVALID_AMOUNT", { message: "the amount must be positive" });

  const earlier = await findPaymentByKey(deps.db.prisma, playerId, input.idempotencyKey);
  if (earlier) return { replay: sameRequestOrThrow(earlier, direction, input.method, input.currency, amountMinor) };

  const player = await deps.db.prisma.player.findUnique({
    where: { id: playerId },
    select: { country: true, currency: true, emailVerifiedAt: true },
  });
  if (!player) throw new DomainError("NOT_FOUND");
  if (input.currency !== player.currency) {
    throw new DomainError("CURRENCY_MISMATCH", {
      message: `the account is in ${player.currency}`,
      meta: { expected: player.currency, given: input.currency },
    });
  }
  const config = (await effectiveMethods(deps.db, player.country, input.currency, direction)).find(
    (method) => method.method === input.method,
  );
  if (!config) {
    throw new DomainError("PAYMENT_METHOD_UNAVAILABLE", {
      meta: { reasonCode: "METHOD_NOT_AVAILABLE", method: input.method, country: player.country },
    });
  }
  const feeMinor = feeFor(config, amountMinor);
  if (amountMinor < config.minMinor || amountMinor > config.maxMinor || feeMinor >= amountMinor) {
    throw new DomainError("PAYMENT_AMOUNT_OUT_OF_RANGE", {
      meta: {
        reasonCode: amountMinor < config.minMinor || feeMinor >= amountMinor ? "BELOW_MINIMUM" : "ABOVE_MAXIMUM",
        min: config.minMinor,
        max: config.maxMinor,
      },
    });
  }
  const isBlocked = direction === "DEPOSIT" ? isDepositBlocked : isWithdrawalBlocked;
  if (await isBlocked(deps, playerId)) {
    throw new DomainError("PAYMENT_BLOCKED", {
      meta: { reasonCode: direction === "DEPOSIT" ? "RESTRICTED_DEPOSITS" : "RESTRICTED_WITHDRAWALS" },
    });
  }
  if (!player.emailVerifiedAt) throw new DomainError("EMAIL_NOT_VERIFIED");
  return {
    replay: null,
    request: {
      playerId,
      direction,
      method: input.method,
      currency: input.currency,
      amountMinor,
      feeMinor,
      country: player.country,
      idempotencyKey: input.idempotencyKey,
      dailyCount: config.dailyCount,
    },
  };
};

export type CheckedRequest = NonNullable<Awaited<ReturnType<typeof checkPaymentRequest>>["request"]>;

const sameRequestOrThrow = (
  earlier: PaymentRow,
  direction: PaymentDirection,
  method: string,
  currency: string,
  amountMinor: bigint,
) => {
  const isSame =
    earlier.direction === direction &&
    earlier.method === method &&
    earlier.currency === currency &&
    earlier.amountMinor === amountMinor;
  if (!isSame) throw new DomainError("IDEMPOTENCY_KEY_REUSED");
  return earlier;
};

/**
 * Inserts the payment at its first status inside `tx`, under the player's payment lock so the daily count holds
 * against concurrent requests. false when a concurrent request with the same key got there first.
 */
export const insertCheckedPayment = async (
  tx: MoneyTx,
  deps: Deps,
  request: CheckedRequest,
  id: string,
  expiresAt: Date | null,
) => {
  await lockPlayerPayments(tx, request.playerId);
  const at = deps.now();
  if (request.dailyCount !== null) {
    const started = await countPaymentsSince(tx, request.playerId, request.direction, request.method, utcDayStart(at));
    if (started >= request.dailyCount) {
      throw new DomainError("PAYMENT_LIMIT_REACHED", {
        meta: { reasonCode: "DAILY_COUNT_REACHED", dailyCount: request.dailyCount },
      });
    }
  }
  return insertPayment(
    tx,
    {
      id,
      playerId: request.playerId,
      direction: request.direction,
      method: request.method,
      currency: request.currency,
      amountMinor: request.amountMinor,
      feeMinor: request.feeMinor,
      country: request.country,
      idempotencyKey: request.idempotencyKey,
      expiresAt,
      at,
    },
    `player:${request.playerId}`,
  );
};

/** After losing a race on the player's key: the winner, if it is the same request. */
export const replayAfterRace = async (deps: Deps, request: CheckedRequest) => {
  const winner = await findPaymentByKey(deps.db.prisma, request.playerId, request.idempotencyKey);
  if (!winner) throw new DomainError("CONFLICT", { message: "the payment key is taken but not visible yet" });
  return sameRequestOrThrow(winner, request.direction, request.method, request.currency, request.amountMinor);
};
