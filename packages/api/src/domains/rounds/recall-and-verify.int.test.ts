import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { domainCodeOf, ensureInHouseGames, newKey } from "../../testing/rounds";
import { createFundedPlayer, expectLedgerInvariants } from "../../testing/wallet";
import { hashServerSeed } from "../games/fairness";
import { getRoundById } from "./get-round";

const deps = createTestDeps();
beforeAll(() => ensureInHouseGames(deps));
afterEach(() => expectLedgerInvariants(deps));
afterAll(() => deps.db.close());

const dice = () => ({
  game: "dice",
  currency: "EUR",
  stakeMinor: 10n,
  params: { direction: "under" as const, target: 5_000 },
  idempotencyKey: newKey(),
});

describe("game recall", () => {
  it("shows the caller's last 10 rounds, newest first, and nobody else's", async () => {
    const alice = await createFundedPlayer(deps, 10_000n);
    const bob = await createFundedPlayer(deps, 10_000n);
    const aliceCaller = createTestCaller(deps, { playerId: alice.id });
    const bobCaller = createTestCaller(deps, { playerId: bob.id });
    const played: string[] = [];
    for (let i = 0; i < 12; i += 1) played.push((await aliceCaller.round.play(dice())).id);
    const bobsRound = await bobCaller.round.play(dice());

    const recent = await aliceCaller.round.recent();
    expect(recent.map((r) => r.id)).toEqual(played.slice(2).reverse());
    const [latest] = recent;
    expect(latest).toMatchObject({
      game: "dice",
      calcVer: "dice@1",
      status: "SETTLED",
      stakeMinor: 10n,
      fairness: { nonce: 11, serverSeed: null, serverSeedHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(latest?.outcome).toMatchObject({ direction: "under", target: 5_000 });
    expect(latest?.createdAt).toBeInstanceOf(Date);
    expect(latest?.settledAt).toBeInstanceOf(Date);
    expect((await bobCaller.round.recent()).map((r) => r.id)).toEqual([bobsRound.id]);

    expect((await aliceCaller.round.get({ roundId: played[0] ?? "" })).id).toBe(played[0]);
    expect(await domainCodeOf(bobCaller.round.get({ roundId: played[0] ?? "" }))).toBe("NOT_FOUND");
    expect(await domainCodeOf(aliceCaller.round.get({ roundId: "rnd_nope" }))).toBe("NOT_FOUND");
    // Staff recall (no player scope) sees any round.
    expect(await getRoundById(deps, { roundId: bobsRound.id })).toMatchObject({ id: bobsRound.id, playerId: bob.id });
  });

  it("reveals a pair's server seed on rotation, for all the rounds it produced", async () => {
    const player = await createFundedPlayer(deps, 10_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const first = await caller.round.play(dice());
    const second = await caller.round.play(dice());
    const { revealed, active } = await caller.fairness.rotate({ clientSeed: "after-rotation" });
    expect(hashServerSeed(revealed.serverSeed)).toBe(revealed.serverSeedHash);
    expect(revealed.serverSeed).toMatch(/^[0-9a-f]{64}$/);
    expect(active.serverSeedHash).not.toBe(revealed.serverSeedHash);
    const third = await caller.round.play(dice());

    const byId = new Map((await caller.round.recent()).map((r) => [r.id, r]));
    expect(byId.get(first.id)?.fairness?.serverSeed).toBe(revealed.serverSeed);
    expect(byId.get(second.id)?.fairness?.serverSeed).toBe(revealed.serverSeed);
    expect(byId.get(third.id)?.fairness).toMatchObject({ serverSeed: null, clientSeed: "after-rotation", nonce: 0 });
    expect((await caller.fairness.get()).previous?.id).toBe(revealed.id);

    // Every recalled, revealed round checks out through the public verify procedure.
    const anyone = createTestCaller(deps);
    for (const round of [byId.get(first.id), byId.get(second.id)]) {
      const verified = await anyone.fairness.verify({
        game: round?.game ?? "",
        serverSeed: round?.fairness?.serverSeed ?? "",
        clientSeed: round?.fairness?.clientSeed ?? "",
        nonce: round?.fairness?.nonce ?? -1,
        params: round?.params,
      });
      expect(verified.outcome).toEqual(round?.outcome);
    }
  });

  it("verifies the published check vector publicly, and rejects an unknown game or bad parameters", async () => {
    const anyone = createTestCaller(deps);
    const verified = await anyone.fairness.verify({
      game: "dice",
      serverSeed: "3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e",
      clientSeed: "lucky-player",
      nonce: 7,
      params: { direction: "over", target: 5_000 },
    });
    expect(verified).toMatchObject({
      serverSeedHash: "10097aec46f656c1e9ce281da716063d994623c05e19edcd6edcbe330c644817",
      outcome: { roll: 6343, isWin: true },
      floats: [0.6342450422234833],
      isWin: true,
    });
    const roulette = await anyone.fairness.verify({
      game: "roulette",
      serverSeed: "3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e",
      clientSeed: "lucky-player",
      nonce: 7,
      params: { bets: [{ type: "straight", numbers: [23], stake: "100" }] },
    });
    expect(roulette.outcome).toMatchObject({ pocket: 23, totalReturned: "3600" });
    const base = { serverSeed: "abc", clientSeed: "x", nonce: 0 };
    expect(await domainCodeOf(anyone.fairness.verify({ ...base, game: "keno", params: {} }))).toBe("INVALID_INPUT");
    expect(await domainCodeOf(anyone.fairness.verify({ ...base, game: "limbo", params: { target: 1 } }))).toBe(
      "INVALID_INPUT",
    );
  });

  it("lets the player set a client seed (a new pair), and keeps the active server seed secret", async () => {
    const player = await createFundedPlayer(deps, 1_000n);
    const caller = createTestCaller(deps, { playerId: player.id });
    const state = await caller.fairness.get();
    expect(state.previous).toBeNull();
    expect(JSON.stringify(state)).not.toMatch(/serverSeed"/);
    const { active } = await caller.fairness.setClientSeed({ clientSeed: "Lucky_7" });
    expect(active.clientSeed).toBe("Lucky_7");
    expect(await domainCodeOf(caller.fairness.setClientSeed({ clientSeed: "no spaces:allowed" }))).toBe(
      "INVALID_INPUT",
    );
    expect(await domainCodeOf(createTestCaller(deps).fairness.get())).toBe("UNAUTHENTICATED");
  });
});
