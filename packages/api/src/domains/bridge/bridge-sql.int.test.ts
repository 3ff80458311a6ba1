import { type CurrencyCode, currencyExponents, DomainError, isDomainError } from "@pitboss/db";
import { createTestPlayer } from "@pitboss/db/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStaff } from "../../testing/staff";
import { expectLedgerInvariants } from "../../testing/wallet";
import { runWagerChecks, type WagerCheck, wagerChecks } from "../compliance/wager-checks";
import { pendingBalances } from "./balances";
import type { Balances, ResponseView } from "./bridge.types";
import { driverFor } from "./conformance/drivers";
import { launchPlayer, type StudioFixture, setupStudio, uniqueId } from "./conformance/fixtures";
import { hub88View } from "./hub88/hub88.handler";
import { pitbossView } from "./pitboss/pitboss.handler";
import { pragmaticView } from "./pragmatic/pragmatic.handler";
import { checksMirroredInSql } from "./wager-refusal";

/**
 * What the bridge's database functions (migration 20261121080000_bridge_wallet) do in place of application code, and
 * the proof that both agree: the balances they write into an answer, and the wager-time checks they mirror.
 */
let fixture: StudioFixture;

beforeAll(async () => {
  fixture = await setupStudio("PITBOSS");
});
afterAll(() => fixture.deps.db.close());

const sqlRender = async (template: Buffer, balances: Balances) => {
  const { rows } = await fixture.deps.db.pool.query<{ body: Buffer }>(
    "SELECT bridge_render($1, jsonb_build_object('currency', $2::text, 'cashMinor', $3::text, 'bonusMinor', $4::text)) AS body",
    [template.toString("utf8"), balances.currency, balances.cashMinor.toString(), balances.bonusMinor.toString()],
  );
  return rows[0]?.body as Buffer;
};

describe("answers rendered by the database", () => {
  const views: [string, ResponseView][] = [
    ["ours", pitbossView("req-0123456789")],
    ["Hub88", hub88View("5d0b9a2e-4c1f-4bd0-9d57-1f0e6b0c8f11")],
    ["Pragmatic bet", pragmaticView("bet.html")],
    ["Pragmatic balance", pragmaticView("balance.html")],
  ];
  const balances = fc.record({
    currency: fc.constantFrom(...(Object.keys(currencyExponents) as CurrencyCode[])),
    cashMinor: fc.oneof(fc.bigInt({ min: 0n, max: 999n }), fc.bigInt({ min: 0n, max: 2n ** 62n })),
    bonusMinor: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 2n ** 40n })),
  });

  it.each(views)("%s: the database fills the template with exactly the bytes the adapter renders", async (_, view) => {
    const template = view.render({ ok: true, transactionId: "btx_x", playerId: "ply_x", balances: pendingBalances });
    await fc.assert(
      fc.asyncProperty(balances, async (known) => {
        const rendered = view.render({ ok: true, transactionId: "btx_x", playerId: "ply_x", balances: known });
        expect((await sqlRender(template.body, known)).toString("utf8")).toBe(rendered.body.toString("utf8"));
      }),
      { numRuns: 150 },
    );
  });

  it("a field a studio sent cannot spell a slot: JSON escapes the control character", async () => {
    const view = hub88View("\u0001t:5:0\u0001");
    const template = view.render({ ok: true, transactionId: "btx_x", playerId: "ply_x", balances: pendingBalances });
    const body = await sqlRender(template.body, { currency: "EUR", cashMinor: 1n, bonusMinor: 0n });
    expect(JSON.parse(body.toString("utf8")).request_uuid).toBe("\u0001t:5:0\u0001");
  });
});

describe("wager-time checks mirrored in SQL", () => {
  const tsReason = async (playerId: string) => {
    try {
      await runWagerChecks(fixture.deps, { playerId, gameSlug: fixture.slug, currency: "EUR", stakeMinor: 100n });
      return null;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return error.code === "NOT_FOUND" ? "NOT_FOUND" : String(error.meta?.reason);
    }
  };
  const sqlReason = async (playerId: string) =>
    (await fixture.deps.db.pool.query<{ reason: string | null }>("SELECT wager_block_reason($1) AS reason", [playerId]))
      .rows[0]?.reason ?? null;

  it("wager_block_reason answers as the registered checks do, for every status and restriction", async () => {
    const staff = await createTestStaff(fixture.deps, ["RISK"]);
    const statuses = ["ACTIVE", "SUSPENDED", "CLOSED"] as const;
    const restrictions = [[], ["BLOCK_BETTING"], ["BLOCK_DEPOSITS", "BLOCK_WITHDRAWALS"], ["SUSPEND"], ["CLOSE"]];
    const reasons = new Set<string | null>();
    for (const status of statuses) {
      for (const types of restrictions) {
        for (const isLifted of [false, true]) {
          const player = await createTestPlayer(fixture.deps.db);
          await fixture.deps.db.prisma.player.update({ where: { id: player.id }, data: { status } });
          for (const type of types) {
            await fixture.deps.db.prisma.playerRestriction.create({
              data: {
                id: uniqueId("rst"),
                playerId: player.id,
                type: type as "BLOCK_BETTING",
                reason: "agreement test",
                createdBy: staff.id,
                ...(isLifted ? { liftedAt: new Date(), liftedBy: staff.id, liftReason: "lifted" } : {}),
              },
            });
          }
          const expected = await tsReason(player.id);
          expect(await sqlReason(player.id), `${status} ${types.join("+")} lifted=${isLifted}`).toBe(expected);
          reasons.add(expected);
        }
      }
    }
    expect(await sqlReason("ply_nobody")).toBe(await tsReason("ply_nobody"));
    // Every kind of answer was exercised, so agreement is not a coincidence of nulls.
    expect([...reasons].sort()).toEqual(
      [
        null,
        "ACCOUNT_CLOSED",
        "ACCOUNT_SUSPENDED",
        "RESTRICTED_BLOCK_BETTING",
        "RESTRICTED_CLOSE",
        "RESTRICTED_SUSPEND",
      ].sort(),
    );
  });

  it("every check registered today is mirrored; one registered later still refuses bets, after replays", async () => {
    expect(wagerChecks.every((check) => checksMirroredInSql.has(check))).toBe(true);
    const driver = driverFor(fixture);
    const player = await launchPlayer(fixture, 10_000n);
    const taken = driver.bet({
      playerId: player.playerId,
      token: player.token,
      txnId: uniqueId("bet"),
      roundId: uniqueId("round"),
      amountMinor: 100n,
      currency: "EUR",
    });
    const first = await driver.send(taken);
    expect(driver.codeOf(first)).toBe("OK");
    // A responsible-gambling check added to the registry without a SQL mirror.
    const lossLimit: WagerCheck = async (_, input) => {
      if (input.playerId === player.playerId && input.stakeMinor > 50n) {
        throw new DomainError("WAGER_BLOCKED", { meta: { reason: "LOSS_LIMIT_DAY" } });
      }
    };
    wagerChecks.push(lossLimit);
    try {
      const refused = await driver.send(
        driver.bet({
          playerId: player.playerId,
          token: player.token,
          txnId: uniqueId("bet"),
          roundId: uniqueId("round"),
          amountMinor: 100n,
          currency: "EUR",
        }),
      );
      expect(driver.codeOf(refused)).toBe("LIMIT_REACHED");
      // The bet taken before the limit still replays as it was answered.
      const again = await driver.send(driver.retry(taken));
      expect(again.body.equals(first.body)).toBe(true);
    } finally {
      wagerChecks.splice(wagerChecks.indexOf(lossLimit), 1);
    }
    await expectLedgerInvariants(fixture.deps);
  });
});
