import { expect, test } from "@playwright/test";

const adminBase = `http://127.0.0.1:${process.env.E2E_ADMIN_PORT ?? 3101}`;

for (const [app, base] of [
  ["web", ""],
  ["admin", adminBase],
] as const) {
  test(`[API]: ${app} is live and ready with current migrations`, async ({ request }) => {
    const health = await request.get(`${base}/api/health`);
    expect(health.status()).toBe(200);
    const ready = await request.get(`${base}/api/ready`);
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", database: "up", pendingMigrations: [] });
    expect(ready.headers()["cache-control"]).toBe("no-store");
  });
}

test("[API]: tRPC answers with a request id and is never cached", async ({ request }) => {
  const response = await request.get("/api/trpc/catalog.list", { headers: { "x-request-id": "req-e2e-check-123" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["x-request-id"]).toBe("req-e2e-check-123");
  expect(response.headers()["cache-control"]).toContain("no-store");
});

test("[API]: a malformed tRPC input gets a typed error, not a stack trace", async ({ request }) => {
  const response = await request.get("/api/trpc/catalog.nope");
  expect(response.status()).toBe(404);
  const body = await response.text();
  expect(body).not.toContain("at ");
});
