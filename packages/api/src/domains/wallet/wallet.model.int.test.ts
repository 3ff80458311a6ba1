import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/context";
import { createFundedPlayer, errorCodeOf, expectLedgerInvariants } from "../../testing/wallet";
import { creditPlayer } from "./credit-player";
import { debitStake } from "./debit-stake";
import { getPlayerBalances } from "./ledger-reads";
import { holdWithdrawal, releaseWithdrawal } from "./payment-movements";
import { postTransfer } from "./post-transfer";
import { reverseTransaction } from "./reverse-transaction";

const deps = createTestDeps();
afterAll(() => deps.db.close());

/** The whole wallet as a few numbers: what the ledger must agree with after every command. */
type Model = {
  cash: bigint;
  bonus: bigint;
  pending: bigint;
  stakes: { txnId: string; cash: bigint; bonus: bigint; isReversed: boolean }[];
};

type Command =
  | { type: "grantBonus"; amount: bigint }
  | { type: "stake"; amount: bigint; funding: "CASH_FIRST" | "BONUS_FIRST" | "CASH_ONLY" }
  | { type: "win"; amount: bigint; stakeIndex: number }
  | { type: "rollback"; stakeIndex: number }
  | { type: "hold"; amount: bigint }
  | { type: "release"; amount: bigint }
  | { type: "replayLast" };

const amount = fc.bigInt({ min: 1n, max: 700n });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant("grantBonus" as const), amount }),
  fc.record({
    type: fc.constant("stake" as const),
    amount,
    funding: fc.constantFrom("CASH_FIRST" as const, "BONUS_FIRST" as const, "CASH_ONLY" as const),
  }),
  fc.record({ type: fc.constant("win" as const), amount: fc.bigInt({ min: 1n, max: 3_000n }), stakeIndex: fc.nat(10) }),
  fc.record({ type: fc.constant("rollback" as const), stakeIndex: fc.nat(10) }),
  fc.record({ type: fc.constant("hold" as const), amount }),
  fc.record({ type: fc.constant("release" as const), amount }),
  fc.constant({ type: "replayLast" as const }),
);

describe("the wallet against a simple in-memory model", () => {
  it("agrees with the model after every random sequence of commands", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 14 }), async (commands) => {
        const player = await createFundedPlayer(deps, 1_000n);
        const model: Model = { cash: 1_000n, bonus: 0n, pending: 0n, stakes: [] };
        let last: (() => Promise<unknown>) | undefined;
        const base = { playerId: player.id, currency: "EUR" } as const;
        for (const c of commands) {
          const key = randomUUID();
          switch (c.type) {
            case "grantBonus": {
              last = () =>
                postTransfer(deps, {
                  ...base,
                  kind: "BONUS_GRANT",
                  idempotencyKey: key,
                  legs: [
                    { type: "BONUS_COST", amountMinor: -c.amount },
                    { playerId: player.id, type: "BONUS", amountMinor: c.amount },
                  ],
                });
              await last();
              model.bonus += c.amount;
              break;
            }
            case "stake": {
              const fromCash =
                c.funding === "CASH_ONLY"
                  ? c.amount
                  : c.funding === "CASH_FIRST"
                    ? model.cash < c.amount
                      ? model.cash
                      : c.amount
                    : c.amount - (model.bonus < c.amount ? model.bonus : c.amount);
              const fromBonus = c.amount - fromCash;
              const isAffordable = fromCash <= model.cash && fromBonus <= model.bonus;
              last = () =>
                debitStake(deps, {
                  ...base,
                  amountMinor: c.amount,
                  funding: c.funding,
                  houseScope: "model",
                  idempotencyKey: key,
                });
              const outcome = await last().then(
                (r) => r as { txnId: string },
                (e: { code: string }) => e.code,
              );
              if (isAffordable) {
                expect(typeof outcome).toBe("object");
                model.cash -= fromCash;
                model.bonus -= fromBonus;
                model.stakes.push({
                  txnId: (outcome as { txnId: string }).txnId,
                  cash: fromCash,
                  bonus: fromBonus,
                  isReversed: false,
                });
              } else expect(outcome).toBe("INSUFFICIENT_FUNDS");
              break;
            }
            case "win": {
              const source = model.stakes[c.stakeIndex % Math.max(1, model.stakes.length)];
              if (!source) break;
              last = () =>
                creditPlayer(deps, {
                  ...base,
                  amountMinor: c.amount,
                  sourceTxnId: source.txnId,
                  houseScope: "model",
                  idempotencyKey: key,
                });
              await last();
              const toBonus = (c.amount * source.bonus) / (source.cash + source.bonus);
              model.bonus += toBonus;
              model.cash += c.amount - toBonus;
              break;
            }
            case "rollback": {
              const source = model.stakes[c.stakeIndex % Math.max(1, model.stakes.length)];
              if (!source) break;
              last = () =>
                reverseTransaction(deps, {
                  kind: "ROLLBACK",
                  playerId: player.id,
                  originalTxnId: source.txnId,
                  idempotencyKey: key,
                });
              const code = await errorCodeOf(last());
              if (source.isReversed) expect(code).toBe("ALREADY_REVERSED");
              else {
                expect(code).toBe("NO_ERROR");
                source.isReversed = true;
                model.cash += source.cash;
                model.bonus += source.bonus;
              }
              break;
            }
            case "hold":
            case "release": {
              const movement = {
                ...base,
                amountMinor: c.amount,
                provider: "model-psp",
                paymentId: `pay_${key}`,
                idempotencyKey: key,
              };
              last = () => (c.type === "hold" ? holdWithdrawal(deps, movement) : releaseWithdrawal(deps, movement));
              const code = await errorCodeOf(last());
              const available = c.type === "hold" ? model.cash : model.pending;
              if (c.amount <= available) {
                expect(code).toBe("NO_ERROR");
                model.cash += c.type === "hold" ? -c.amount : c.amount;
                model.pending += c.type === "hold" ? c.amount : -c.amount;
              } else expect(code).toBe("INSUFFICIENT_FUNDS");
              break;
            }
            case "replayLast": {
              // A retry of the last command with its key changes nothing (or fails exactly as before).
              if (last) await last().catch(() => {});
              break;
            }
          }
          const balances = await getPlayerBalances(deps, player.id);
          const of = (type: string) => balances.find((b) => b.type === type)?.balanceMinor ?? 0n;
          expect({ cash: of("CASH"), bonus: of("BONUS"), pending: of("WITHDRAWAL_PENDING") }).toEqual({
            cash: model.cash,
            bonus: model.bonus,
            pending: model.pending,
          });
        }
      }),
      { numRuns: 25 },
    );
    await expectLedgerInvariants(deps);
  });
});
