import { createTestPlayer } from "@pitboss/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller } from "../../testing/context";
import { domainCodeOf as errorCodeOf } from "../../testing/staff";
import { type StudioFixture, setupStudio } from "./conformance/fixtures";
import { GAME_SESSION_TTL_MS } from "./launch-game";
import { registerStudioGame, setGameEnabled, setProviderEnabled } from "./providers";
import { hashToken } from "./record";

let fixture: StudioFixture;

beforeAll(async () => {
  fixture = await setupStudio("HUB88");
});
afterAll(() => fixture.deps.db.close());

describe("studio.launch", () => {
  it("opens a game session bound to player, game, currency and provider, and returns the studio URL", async () => {
    const player = await createTestPlayer(fixture.deps.db, { currency: "USD", country: "GB" });
    const caller = createTestCaller(fixture.deps, { playerId: player.id });
    const launch = await caller.studio.launch({ slug: fixture.slug, locale: "en-GB" });
    const url = new URL(launch.url);
    expect(url.origin).toBe("https://studio.test");
    expect(url.searchParams.get("user")).toBe(player.id);
    expect(url.searchParams.get("game")).toBe(fixture.gameCode);
    expect(url.searchParams.get("currency")).toBe("USD");
    expect(url.searchParams.get("lang")).toBe("en-GB");
    const token = url.searchParams.get("token") as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await fixture.deps.db.prisma.gameSession.findUniqueOrThrow({ where: { id: launch.sessionId } });
    // Only the token's hash is kept.
    expect(session).toMatchObject({
      tokenHash: hashToken(token),
      playerId: player.id,
      provider: fixture.provider,
      currency: "USD",
    });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(GAME_SESSION_TTL_MS);
    expect(JSON.stringify(session)).not.toContain(token);
  });

  it("needs a signed-in player", async () => {
    expect(await errorCodeOf(createTestCaller(fixture.deps).studio.launch({ slug: fixture.slug }))).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("refuses in-house games, unknown games, a disabled game or provider, a country or currency not offered", async () => {
    const player = await createTestPlayer(fixture.deps.db, { currency: "EUR", country: "DE" });
    const launch = (slug: string) =>
      errorCodeOf(createTestCaller(fixture.deps, { playerId: player.id }).studio.launch({ slug }));
    expect(await launch("dice")).toBe("NOT_FOUND");
    expect(await launch("no-such-game")).toBe("NOT_FOUND");

    await setProviderEnabled(fixture.deps, { code: fixture.provider, isEnabled: false, reason: "studio outage" });
    expect(await launch(fixture.slug)).toBe("GAME_UNAVAILABLE");
    await setProviderEnabled(fixture.deps, { code: fixture.provider, isEnabled: true });

    await setGameEnabled(fixture.deps, { slug: fixture.slug, isEnabled: false });
    expect(await launch(fixture.slug)).toBe("GAME_UNAVAILABLE");
    await setGameEnabled(fixture.deps, { slug: fixture.slug, isEnabled: true });

    const slug = `${fixture.provider}-uk-only`;
    await registerStudioGame(fixture.deps, {
      provider: fixture.provider,
      externalCode: "uk_only",
      slug,
      name: "UK only",
      category: "slots",
      rtpBps: 9600,
      volatility: "HIGH",
      countries: ["GB"],
      limits: [{ currency: "GBP", minStakeMinor: 10n, maxStakeMinor: 1_000n }],
    });
    expect(await launch(slug)).toBe("GAME_UNAVAILABLE");
    const briton = await createTestPlayer(fixture.deps.db, { currency: "EUR", country: "GB" });
    const noEuro = await errorCodeOf(createTestCaller(fixture.deps, { playerId: briton.id }).studio.launch({ slug }));
    expect(noEuro).toBe("GAME_UNAVAILABLE");
    expect(await launch(fixture.slug)).toBe("NO_ERROR");
  });

  it("refuses a blocked player at launch (the same wager-time checks as every bet)", async () => {
    const player = await createTestPlayer(fixture.deps.db);
    await fixture.deps.db.prisma.player.update({ where: { id: player.id }, data: { status: "SUSPENDED" } });
    const code = await errorCodeOf(
      createTestCaller(fixture.deps, { playerId: player.id }).studio.launch({ slug: fixture.slug }),
    );
    expect(code).toBe("WAGER_BLOCKED");
  });
});
