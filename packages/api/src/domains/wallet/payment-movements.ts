import type { ServiceDeps } from "../../deps";
import { postTransfer } from "./post-transfer";
import type { LedgerResult } from "./wallet.repo";

/** A cash movement the payments domain asks the ledger for, named by what it means rather than by legs. */
export type PaymentMovement = {
  playerId: string;
  currency: string;
  amountMinor: bigint;
  /** The payment provider whose clearing account is the other side. */
  provider: string;
  paymentId: string;
  idempotencyKey: string;
};

type Deps = Pick<ServiceDeps, "db" | "newId">;

const psp = (m: PaymentMovement, amountMinor: bigint) => ({
  type: "PSP_CLEARING" as const,
  scope: m.provider,
  amountMinor,
});
const player = (m: PaymentMovement, type: "CASH" | "WITHDRAWAL_PENDING", amountMinor: bigint) => ({
  playerId: m.playerId,
  type,
  amountMinor,
});
const movement = (m: PaymentMovement) => ({
  playerId: m.playerId,
  currency: m.currency,
  paymentId: m.paymentId,
  idempotencyKey: m.idempotencyKey,
  idempotencyScope: `payment:${m.paymentId}`,
});

/** A completed deposit: provider clearing → player cash. */
export const creditDeposit = (deps: Deps, m: PaymentMovement): Promise<LedgerResult> =>
  postTransfer(deps, {
    ...movement(m),
    kind: "DEPOSIT",
    legs: [psp(m, -m.amountMinor), player(m, "CASH", m.amountMinor)],
  });

/** A withdrawal request locks the money: cash → pending (it can no longer be staked). */
export const holdWithdrawal = (deps: Deps, m: PaymentMovement): Promise<LedgerResult> =>
  postTransfer(deps, {
    ...movement(m),
    kind: "WITHDRAWAL_HOLD",
    legs: [player(m, "CASH", -m.amountMinor), player(m, "WITHDRAWAL_PENDING", m.amountMinor)],
  });

/** A rejected or cancelled withdrawal: pending → cash. */
export const releaseWithdrawal = (deps: Deps, m: PaymentMovement): Promise<LedgerResult> =>
  postTransfer(deps, {
    ...movement(m),
    kind: "WITHDRAWAL_RELEASE",
    legs: [player(m, "WITHDRAWAL_PENDING", -m.amountMinor), player(m, "CASH", m.amountMinor)],
  });

/** A paid-out withdrawal: pending → provider clearing. */
export const payOutWithdrawal = (deps: Deps, m: PaymentMovement): Promise<LedgerResult> =>
  postTransfer(deps, {
    ...movement(m),
    kind: "WITHDRAWAL_PAYOUT",
    legs: [player(m, "WITHDRAWAL_PENDING", -m.amountMinor), psp(m, m.amountMinor)],
  });
