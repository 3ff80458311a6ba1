import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyWebhook } from "../domains/payments/webhook-signature";
import { type SandboxPsp, startSandboxPsp } from "./app";
import { sandboxPspCredentials } from "./credentials";
import { completeHostedPayment } from "./hosted-page-driver";

/** A merchant endpoint that records every webhook and answers from a script (200 once the script runs out). */
const startReceiver = async () => {
  const received: {
    raw: string;
    signature: string;
    event: { id: string; type: string; data: Record<string, string> };
  }[] = [];
  const script: number[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      received.push({ raw, signature: String(request.headers["psp-signature"]), event: JSON.parse(raw) });
      response.writeHead(script.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return { url, received, script, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let psp: SandboxPsp;
let clock = Date.UTC(2026, 10, 21, 12, 0, 0);

beforeAll(async () => {
  receiver = await startReceiver();
  psp = await startSandboxPsp({ webhookDelayMs: 0, retryDelaysMs: [10, 20, 40], payoutHangMs: 300, now: () => clock });
});
afterAll(async () => {
  await psp.close();
  await receiver.close();
});
beforeEach(async () => {
  await psp.webhooksSettled();
  receiver.received.length = 0;
  for (const provider of ["cardpay", "cardplus", "instabank"]) {
    psp.control(provider, {
      mode: "ok",
      webhookDelayMs: 0,
      duplicateWebhooks: false,
      reorderWebhooks: false,
      pendingPayouts: false,
    });
  }
});

let sequence = 0;
const api = async (provider: string, path: string, init: { method?: string; body?: unknown; key?: string } = {}) => {
  const response = await fetch(`${psp.url}/${provider}/v1/${path}`, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: {
      authorization: `Bearer ${sandboxPspCredentials(provider).apiKey}`,
      "content-type": "application/json",
      ...(init.key ? { "idempotency-key": init.key } : {}),
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith("{") ? (JSON.parse(text) as Record<string, string>) : text };
};

const createPayment = async (provider = "cardpay", amountMinor = "2500") => {
  sequence += 1;
  const reference = `pmt_test_${sequence}`;
  const created = await api(provider, "payments", {
    key: `key-${reference}`,
    body: {
      reference,
      amountMinor,
      currency: "EUR",
      returnUrl: "http://casino.test/cashier/return",
      webhookUrl: receiver.url,
    },
  });
  expect(created.status).toBe(201);
  const body = created.body as Record<string, string>;
  return { reference, id: body.id as string, redirectUrl: body.redirectUrl as string };
};

const statusOf = async (provider: string, id: string) =>
  ((await api(provider, `payments/${id}`)).body as Record<string, string>).status;

describe("the sandbox PSP's card payments", () => {
  it("approves 4242 without a challenge, signs its webhook over the raw body and returns the browser", async () => {
    const payment = await createPayment();
    const result = await completeHostedPayment(payment.redirectUrl, { card: "4242 4242 4242 4242" });
    expect(result.location).toBe(`http://casino.test/cashier/return?payment=${payment.reference}`);
    await psp.webhooksSettled();
    const [delivery] = receiver.received;
    expect(delivery?.event).toMatchObject({
      type: "payment.succeeded",
      data: { id: payment.id, reference: payment.reference, amountMinor: "2500", currency: "EUR" },
    });
    const secret = sandboxPspCredentials("cardpay").webhookSecret;
    const now = Math.floor(clock / 1000);
    expect(verifyWebhook(secret, delivery?.raw ?? "", delivery?.signature, now)).toEqual({ isValid: true });
    expect(verifyWebhook("another-secret", delivery?.raw ?? "", delivery?.signature, now).isValid).toBe(false);
    expect(verifyWebhook(secret, delivery?.raw ?? "", delivery?.signature, now + 301)).toEqual({
      isValid: false,
      reason: "STALE",
    });
    expect(await statusOf("cardpay", payment.id)).toBe("succeeded");
  });

  it("asks 4000 0000 0000 3220 for the 3-D Secure code: 1234 approves, anything else fails", async () => {
    const approved = await createPayment();
    await completeHostedPayment(approved.redirectUrl, { card: "4000 0000 0000 3220", otp: "1234" });
    const failed = await createPayment();
    const page = await fetch(failed.redirectUrl, {
      method: "POST",
      body: new URLSearchParams({ action: "pay", number: "4000000000003220", expiry: "01/30", cvc: "123", name: "A" }),
      redirect: "manual",
    });
    expect(page.headers.get("location")).toBe(`/cardpay/pay/${failed.id}/3ds`);
    expect(await (await fetch(`${failed.redirectUrl}/3ds`)).text()).toContain('<label for="otp">One-time code</label>');
    await completeHostedPayment(failed.redirectUrl, { card: "4000 0000 0000 3220", otp: "9999" });
    expect(await statusOf("cardpay", approved.id)).toBe("succeeded");
    const failedView = (await api("cardpay", `payments/${failed.id}`)).body;
    expect(failedView).toMatchObject({ status: "failed", failureCode: "authentication_failed" });
  });

  it("declines 4000 0000 0000 0002 with card_declined", async () => {
    const payment = await createPayment("cardplus");
    await completeHostedPayment(payment.redirectUrl, { card: "4000000000000002" });
    await psp.webhooksSettled();
    expect(receiver.received.map((r) => r.event.type)).toEqual(["payment.failed"]);
    expect(receiver.received[0]?.event.data.failureCode).toBe("card_declined");
  });

  it("leaves 4000 0000 0000 0119 pending for ever, without a webhook, while an abandoned page expires", async () => {
    const stuck = await createPayment();
    const abandoned = await createPayment();
    const result = await completeHostedPayment(stuck.redirectUrl, { card: "4000 0000 0000 0119" });
    expect(result.status).toBe(303);
    clock += 31 * 60_000;
    expect(await statusOf("cardpay", stuck.id)).toBe("pending");
    expect(await statusOf("cardpay", abandoned.id)).toBe("expired");
    await psp.webhooksSettled();
    expect(receiver.received.map((r) => [r.event.type, r.event.data.reference])).toEqual([
      ["payment.expired", abandoned.reference],
    ]);
  });

  it("refuses a card that is not a test card, with the error linked to its field", async () => {
    const payment = await createPayment();
    const response = await fetch(payment.redirectUrl, {
      method: "POST",
      body: new URLSearchParams({ action: "pay", number: "5555555555554444", expiry: "01/99", cvc: "1", name: "" }),
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('aria-describedby="card-number-error"');
    expect(html).toContain('aria-describedby="card-cvc-error"');
    expect(await statusOf("cardpay", payment.id)).toBe("pending");
  });
});

describe("the sandbox PSP's instant bank", () => {
  it("settles on Approve and fails with bank_declined on Decline", async () => {
    const approved = await createPayment("instabank");
    const declined = await createPayment("instabank");
    expect(await (await fetch(approved.redirectUrl)).text()).toContain("<legend>Choose your bank</legend>");
    await completeHostedPayment(approved.redirectUrl, { bank: "approve" });
    await completeHostedPayment(declined.redirectUrl, { bank: "decline" });
    expect(await statusOf("instabank", approved.id)).toBe("succeeded");
    expect((await api("instabank", `payments/${declined.id}`)).body).toMatchObject({ failureCode: "bank_declined" });
  });
});

describe("the sandbox PSP's API", () => {
  const payment = (reference: string) => ({
    reference,
    amountMinor: "1000",
    currency: "EUR",
    returnUrl: "http://casino.test/r",
    webhookUrl: receiver.url,
  });

  it("returns the same payment for a repeated Idempotency-Key and refuses the key with another body", async () => {
    const first = await api("cardpay", "payments", { key: "same-key", body: payment("pmt_idem") });
    const again = await api("cardpay", "payments", { key: "same-key", body: payment("pmt_idem") });
    expect(again).toEqual(first);
    const reused = await api("cardpay", "payments", { key: "same-key", body: payment("pmt_other") });
    expect(reused.status).toBe(409);
    expect((await api("cardpay", "payments", { body: payment("pmt_nokey") })).status).toBe(400);
  });

  it("refuses a call without the provider's API key", async () => {
    const response = await fetch(`${psp.url}/cardpay/v1/payments/pay_x`, {
      headers: { authorization: `Bearer ${sandboxPspCredentials("cardplus").apiKey}` },
    });
    expect(response.status).toBe(401);
  });

  it("pays out instantly through the bank and asynchronously (webhook) through a card provider", async () => {
    const bank = await api("instabank", "payouts", {
      key: "po-bank",
      body: {
        reference: "wd_bank",
        amountMinor: "5000",
        currency: "EUR",
        destination: "DE89",
        webhookUrl: receiver.url,
      },
    });
    expect(bank.body).toMatchObject({ status: "paid", reference: "wd_bank" });
    const card = await api("cardpay", "payouts", {
      key: "po-card",
      body: {
        reference: "wd_card",
        amountMinor: "5000",
        currency: "EUR",
        destination: "card",
        webhookUrl: receiver.url,
      },
    });
    expect(card.body).toMatchObject({ status: "pending" });
    await psp.webhooksSettled();
    expect(receiver.received.map((r) => [r.event.type, r.event.data.reference]).sort()).toEqual([
      ["payout.paid", "wd_bank"],
      ["payout.paid", "wd_card"],
    ]);
    expect((await api("cardpay", "payouts?reference=wd_card")).body).toMatchObject({ status: "paid" });
    expect((await api("cardpay", "payouts?reference=wd_unknown")).status).toBe(404);
    const csv = (await api("instabank", "settlements")).body as string;
    expect(csv.split("\n")[0]).toBe(
      "provider_reference,merchant_reference,type,amount_minor,currency,status,settled_at",
    );
    expect(csv).toContain(`,wd_bank,payout,5000,EUR,paid,`);
  });
});

describe("the sandbox PSP's test controls", () => {
  const payout = (reference: string) => ({
    reference,
    amountMinor: "700",
    currency: "EUR",
    destination: "card",
    webhookUrl: receiver.url,
  });

  it("answers 503 to everything in mode down, health included", async () => {
    psp.control("cardplus", { mode: "down" });
    expect((await fetch(`${psp.url}/cardplus/health`)).status).toBe(503);
    expect((await api("cardplus", "payments/pay_x")).status).toBe(503);
    expect((await fetch(`${psp.url}/cardpay/health`)).status).toBe(200);
  });

  it("answers 500 to a payout in mode error500 and records it as failed", async () => {
    psp.control("cardpay", { mode: "error500" });
    expect((await api("cardpay", "payouts", { key: "po-500", body: payout("wd_500") })).status).toBe(500);
    expect((await api("cardpay", "payouts?reference=wd_500")).body).toMatchObject({
      status: "failed",
      failureCode: "provider_error",
    });
  });

  it("hangs a payout in mode timeout, yet the provider paid it (findable by reference, in the settlement)", async () => {
    await fetch(`${psp.url}/cardplus/_control`, { method: "POST", body: JSON.stringify({ mode: "timeout" }) });
    const call = fetch(`${psp.url}/cardplus/v1/payouts`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${sandboxPspCredentials("cardplus").apiKey}`,
        "idempotency-key": "po-timeout",
      },
      body: JSON.stringify(payout("wd_timeout")),
      signal: AbortSignal.timeout(100),
    });
    await expect(call).rejects.toThrow();
    expect((await api("cardplus", "payouts?reference=wd_timeout")).body).toMatchObject({ status: "paid" });
    expect(await api("cardplus", "settlements")).toMatchObject({
      body: expect.stringContaining(",wd_timeout,payout,"),
    });
    await psp.webhooksSettled();
    expect(receiver.received).toHaveLength(0);
  });

  it("answers a bank payout pending with pendingPayouts, and pays it (webhook) after the delay", async () => {
    psp.control("instabank", { pendingPayouts: true, webhookDelayMs: 50 });
    const answer = await api("instabank", "payouts", { key: "po-pending", body: payout("wd_pending") });
    expect(answer.body).toMatchObject({ status: "pending", reference: "wd_pending" });
    expect(receiver.received).toHaveLength(0);
    await psp.webhooksSettled();
    expect(receiver.received.map((r) => [r.event.type, r.event.data.reference])).toEqual([
      ["payout.paid", "wd_pending"],
    ]);
    expect((await api("instabank", "payouts?reference=wd_pending")).body).toMatchObject({ status: "paid" });
  });

  it("retries a refused webhook with backoff, re-signing the same body", async () => {
    receiver.script.push(500, 503);
    const payment = await createPayment();
    await completeHostedPayment(payment.redirectUrl, { card: "4242424242424242" });
    await psp.webhooksSettled();
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.raw)).size).toBe(1);
    const events = (await (await fetch(`${psp.url}/cardpay/_events`)).json()) as { id: string; attempts: number }[];
    expect(events.find((e) => e.id === receiver.received[0]?.event.id)).toMatchObject({
      attempts: 3,
      isDelivered: true,
    });
  });

  it("sends each webhook twice with duplicateWebhooks, and newest first with reorderWebhooks", async () => {
    psp.control("cardpay", { duplicateWebhooks: true });
    const duplicated = await createPayment();
    await completeHostedPayment(duplicated.redirectUrl, { card: "4242424242424242" });
    await psp.webhooksSettled();
    expect(receiver.received.map((r) => r.event.id)).toHaveLength(2);
    expect(new Set(receiver.received.map((r) => r.event.id)).size).toBe(1);

    receiver.received.length = 0;
    psp.control("cardpay", { duplicateWebhooks: false, reorderWebhooks: true, webhookDelayMs: 200 });
    const first = await createPayment();
    const second = await createPayment();
    await completeHostedPayment(first.redirectUrl, { card: "4242424242424242" });
    await completeHostedPayment(second.redirectUrl, { card: "4000000000000002" });
    await psp.webhooksSettled();
    expect(receiver.received.map((r) => r.event.data.reference)).toEqual([second.reference, first.reference]);
  });
});
