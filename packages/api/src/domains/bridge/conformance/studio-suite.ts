import { afterAll, afterEach, beforeAll } from "vitest";
import { expectLedgerInvariants } from "../../../testing/wallet";
import type { BridgeProtocol } from "../bridge.types";
import { type BetParams, type Driver, driverFor } from "./drivers";
import { type StudioFixture, setupStudio, uniqueId } from "./fixtures";

/**
 * A studio of `protocol` for the tests of the calling describe block, handed to `use` once it is set up. After each
 * test the clock is set back to now and the ledger's invariants are checked; after the block, its pool is closed.
 */
export const useStudioSuite = (
  protocol: BridgeProtocol,
  use: (studio: { fixture: StudioFixture; driver: Driver }) => void,
) => {
  let fixture: StudioFixture | undefined;
  beforeAll(async () => {
    fixture = await setupStudio(protocol);
    use({ fixture, driver: driverFor(fixture) });
  });
  afterEach(async () => {
    if (!fixture) return;
    fixture.clock.set(new Date());
    await expectLedgerInvariants(fixture.deps);
  });
  afterAll(() => fixture?.deps.db.close());
};

/** A bet of one unit of the player's currency (100 minor) with fresh transaction and round ids, or as `overrides` say. */
export const betOf = (
  player: { playerId: string; token: string; currency: string },
  overrides: Partial<BetParams> = {},
): BetParams => ({
  playerId: player.playerId,
  token: player.token,
  txnId: uniqueId("bet"),
  roundId: uniqueId("round"),
  amountMinor: 100n,
  currency: player.currency,
  ...overrides,
});
