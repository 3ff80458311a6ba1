import type { Logger } from "@pitboss/db";
import { signWebhook } from "../domains/payments/webhook-signature";
import { type SandboxDelivery, type SandboxEvent, type SandboxInstance, sandboxId } from "./store";

export type WebhookFetch = (
  url: string,
  init: { method: "POST"; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number }>;

export type WebhookSenderOptions = {
  secretOf: (provider: string) => string;
  now: () => number;
  logger: Logger;
  /** Waits before each retry of a delivery that did not get a 2xx (default 1 s, 2 s, 4 s, 8 s). */
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
  fetch?: WebhookFetch;
};

/**
 * Sends events the way the major providers do: a JSON body signed with `Psp-Signature: t=…,v1=…` (re-signed at
 * every attempt, the body unchanged), retried with backoff until a 2xx or the retries run out. The control switches
 * make it misbehave on purpose: `duplicateWebhooks` sends each event twice at once, `reorderWebhooks` holds events
 * for the delay and then sends them newest first.
 */
export const createWebhookSender = (options: WebhookSenderOptions) => {
  const retryDelaysMs = options.retryDelaysMs ?? [1_000, 2_000, 4_000, 8_000];
  const timeoutMs = options.timeoutMs ?? 5_000;
  const send: WebhookFetch =
    options.fetch ??
    (async (url, init) => {
      const response = await fetch(url, init);
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status };
    });
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  const held = new Map<SandboxInstance, SandboxDelivery[]>();
  let isClosed = false;

  /** Runs `run` after `delayMs`, counted by `settled`: for work that ends in a webhook (a payout finishing later). */
  const later = (delayMs: number, run: () => void) => {
    if (isClosed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, delayMs);
    timers.add(timer);
  };

  const track = (task: Promise<void>) => {
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
    return task;
  };

  const attempt = async (instance: SandboxInstance, delivery: SandboxDelivery, body: string): Promise<void> => {
    if (isClosed) return;
    await track(
      (async () => {
        delivery.attempts += 1;
        const unixSeconds = Math.floor(options.now() / 1000);
        const secret = options.secretOf(instance.provider);
        try {
          const response = await send(delivery.url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "psp-signature": signWebhook(secret, body, unixSeconds),
              "user-agent": `pitboss-sandbox-psp/${instance.provider}`,
            },
            body,
            signal: AbortSignal.timeout(timeoutMs),
          });
          delivery.lastStatus = response.status;
          delivery.isDelivered = response.status >= 200 && response.status < 300;
        } catch (error) {
          delivery.lastStatus = error instanceof Error ? error.name : "error";
        }
        if (delivery.isDelivered) return;
        const wait = retryDelaysMs[delivery.attempts - 1];
        options.logger.warn(
          {
            provider: instance.provider,
            eventId: delivery.event.id,
            status: delivery.lastStatus,
            retryInMs: wait ?? null,
          },
          wait === undefined ? "sandbox psp: webhook not delivered, giving up" : "sandbox psp: webhook not delivered",
        );
        if (wait !== undefined) later(wait, () => void attempt(instance, delivery, body));
      })(),
    );
  };

  const start = (instance: SandboxInstance, delivery: SandboxDelivery) =>
    attempt(instance, delivery, JSON.stringify(delivery.event));

  /** Records the event and schedules its delivery according to the instance's control switches. */
  const emit = (instance: SandboxInstance, url: string, type: SandboxEvent["type"], data: SandboxEvent["data"]) => {
    const event: SandboxEvent = { id: sandboxId("evt"), type, created: Math.floor(options.now() / 1000), data };
    const copies = instance.control.duplicateWebhooks ? 2 : 1;
    const deliveries = Array.from({ length: copies }, () => {
      const delivery: SandboxDelivery = { event, url, attempts: 0, lastStatus: null, isDelivered: false };
      instance.deliveries.push(delivery);
      return delivery;
    });
    const { webhookDelayMs } = instance.control;
    if (!instance.control.reorderWebhooks) {
      later(webhookDelayMs, () => {
        for (const delivery of deliveries) void start(instance, delivery);
      });
      return event;
    }
    const queue = held.get(instance);
    if (queue) {
      queue.push(...deliveries);
      return event;
    }
    held.set(instance, [...deliveries]);
    later(Math.max(webhookDelayMs, 50), () => {
      const batch = held.get(instance) ?? [];
      held.delete(instance);
      // One after the other, so the newest really arrives first.
      void track(
        (async () => {
          for (const delivery of batch.reverse()) await start(instance, delivery);
        })(),
      );
    });
    return event;
  };

  /** Stops every pending retry and waits for the requests already on the wire. */
  const close = async () => {
    isClosed = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    await Promise.allSettled([...inFlight]);
  };

  /** Resolves once nothing is scheduled or on the wire (tests wait for the webhooks to land). */
  const settled = async () => {
    while (timers.size > 0 || inFlight.size > 0) {
      await Promise.allSettled([...inFlight]);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  return { emit, close, settled, later };
};

export type WebhookSender = ReturnType<typeof createWebhookSender>;
