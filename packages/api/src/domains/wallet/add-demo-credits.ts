import { type CurrencyCode, DomainError, isCurrencyCode } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { sha256Hex } from "../../lib/sha256";
import { parseInput } from "../parse-input";
import { creditDeposit } from "./payment-movements";
import { type DemoCreditsInput, demoCreditsInput } from "./player-wallet.schemas";

/** What one press of "add demo credits" deposits, in minor units: about 100 euro in every currency. */
export const demoCreditMinor: Readonly<Record<CurrencyCode, bigint>> = {
  EUR: 10_000n,
  USD: 10_000n,
  GBP: 10_000n,
  BRL: 50_000n,
  TRY: 300_000n,
  JPY: 15_000n,
  BTC: 100_000n,
  USDT: 100_000_000n,
};

/**
 * Demo money for a new player (demo mode only; the real cashier comes with the payments domain): a DEPOSIT
 * through the ledger from the "demo" provider's clearing account. Needs a verified email, like any deposit.
 * The client's key makes a double press add the credits once (the payment id is derived from player and key).
 */
export const addDemoCredits = async (
  deps: Pick<ServiceDeps, "db" | "newId">,
  rawInput: DemoCreditsInput & { playerId: string; isDemoMode: boolean },
) => {
  const { playerId, isDemoMode, ...raw } = rawInput;
  if (!isDemoMode) throw new DomainError("FORBIDDEN", { message: "demo credits exist only in demo mode" });
  const { idempotencyKey } = parseInput(demoCreditsInput, raw);
  const player = await deps.db.prisma.player.findUnique({
    where: { id: playerId },
    select: { currency: true, emailVerifiedAt: true, status: true },
  });
  if (player?.status !== "ACTIVE") throw new DomainError("NOT_FOUND");
  if (!player.emailVerifiedAt) throw new DomainError("EMAIL_NOT_VERIFIED");
  if (!isCurrencyCode(player.currency)) throw new DomainError("UNKNOWN_CURRENCY");
  const amountMinor = demoCreditMinor[player.currency];
  const digest = sha256Hex(`${playerId}:${idempotencyKey}`);
  const result = await creditDeposit(deps, {
    playerId,
    currency: player.currency,
    amountMinor,
    provider: "demo",
    paymentId: `pay_demo_${digest.slice(0, 32)}`,
    idempotencyKey,
  });
  return { txnId: result.txnId, currency: player.currency, amountMinor, isReplay: result.isReplay };
};
