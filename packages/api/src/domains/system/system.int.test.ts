import { seedDemoData } from "@pitboss/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestDeps } from "../../testing/context";
import { getReadiness } from "./get-readiness";

const deps = createTestDeps();
beforeAll(() => seedDemoData(deps.db));
afterAll(() => deps.db.close());

describe("system", () => {
  it("is ready once every migration is applied", async () => {
    expect(await getReadiness(deps)).toEqual({ isReady: true, database: "up", pendingMigrations: [] });
  });

  it("reports the database down instead of throwing when it cannot be reached", async () => {
    const unreachable = createTestDeps({
      db: (await import("@pitboss/db")).createDb({ url: "postgresql://nobody@127.0.0.1:1/none" }),
    });
    expect(await getReadiness(unreachable)).toEqual({ isReady: false, database: "down", pendingMigrations: [] });
    await unreachable.db.close();
  });

  it("lists only enabled games through the public catalogue", async () => {
    const caller = createTestCaller(deps);
    const before = await caller.catalog.list();
    expect(before.map((g) => g.slug)).toContain("roulette");
    await deps.db.prisma.game.update({ where: { slug: "roulette" }, data: { isEnabled: false } });
    try {
      expect((await caller.catalog.list()).map((g) => g.slug)).not.toContain("roulette");
    } finally {
      await deps.db.prisma.game.update({ where: { slug: "roulette" }, data: { isEnabled: true } });
    }
  });
});
