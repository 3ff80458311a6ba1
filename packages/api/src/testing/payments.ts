import http from "node:http";
import type { AddressInfo } from "node:net";
import type { CurrencyCode } from "@pitboss/db";
import { createTestPlayer } from "@pitboss/db/testing";
import type { ServiceDeps } from "../deps";
import { type PaymentDeps, type PaymentSettings, paymentSettingsOf } from "../domains/payments/payment-settings";
import type { PaymentDirection, PaymentMethod } from "../domains/payments/payments.schemas";
import { createProviderRegistry, type PaymentProvider } from "../domains/payments/provider-port";
import { sandboxProviders } from "../domains/payments/providers";
import { sandboxProvider } from "../domains/payments/providers/sandbox-psp.adapter";
import { readSettlementReport } from "../domains/payments/settlement-csv";
import { paymentWebhookHandler } from "../http/payment-webhooks";
import { type SandboxPsp, type SandboxPspOptions, startSandboxPsp } from "../sandbox-psp";
import { createFundedPlayer } from "./wallet";

/**
 * The payments domain wired for an integration test: the real sandbox PSP in this process, and our webhook
 * endpoint on a local HTTP server (standing in for the player site's route), so webhooks travel over real HTTP,
 * signed, with retries, exactly as in production.
 */
export const startPaymentsHarness = async (
  base: ServiceDeps,
  options: { settings?: Partial<PaymentSettings>; sandbox?: SandboxPspOptions; providerTimeoutMs?: number } = {},
) => {
  let deps: PaymentDeps = base;
  let isDropping = false;
  const server = http.createServer((request, response) => {
    if (isDropping) {
      // A lost webhook, as the provider sees it: it retries, then gives up.
      response.writeHead(503);
      response.end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const provider = (request.url ?? "").split("/").filter(Boolean).at(-1) ?? "";
      const headers = { get: (name: string) => (request.headers[name.toLowerCase()] as string | undefined) ?? null };
      paymentWebhookHandler({ provider, body: Buffer.concat(chunks), headers }, deps).then(
        (result) => {
          response.writeHead(result.status, result.headers);
          response.end(result.body);
        },
        () => {
          response.writeHead(500);
          response.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const webUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sandbox: SandboxPsp = await startSandboxPsp({
    port: 0,
    webhookDelayMs: 20,
    retryDelaysMs: [50, 100],
    payoutHangMs: 8_000,
    ...options.sandbox,
  });
  deps = {
    ...base,
    paymentSettings: {
      providers: sandboxProviders({ baseUrl: sandbox.url, timeoutMs: options.providerTimeoutMs ?? 5_000 }),
      publicWebUrl: webUrl,
      depositTtlMs: 30 * 60_000,
      payoutRecheckAfterMs: 60_000,
      circuitFailureThreshold: 3,
      circuitCooldownMs: 30_000,
      ...options.settings,
    },
  };
  return {
    deps,
    sandbox,
    webUrl,
    /** Waits until every webhook the sandbox sent (or is retrying) has been answered. */
    settle: () => sandbox.webhooksSettled(),
    /** While on, our endpoint answers 503 to every webhook without reading it. */
    dropWebhooks: (isOn: boolean) => {
      isDropping = isOn;
    },
    close: async () => {
      await sandbox.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

type MethodConfig = {
  method: PaymentMethod;
  direction: PaymentDirection;
  minMinor?: bigint;
  maxMinor?: bigint;
  feeFixedMinor?: bigint;
  feeBps?: number;
  dailyCount?: number | null;
  isEnabled?: boolean;
  position?: number;
};

/**
 * Cashier configuration for a test's own country (tests use their own made-up country codes, so parallel files
 * never share configuration rows): every method both ways unless given, 10.00–5,000.00, no fee.
 */
export const configureCashier = async (
  deps: Pick<ServiceDeps, "db">,
  country: string,
  currency: CurrencyCode,
  methods: MethodConfig[] = (["DEPOSIT", "WITHDRAWAL"] as const).flatMap((direction) =>
    (["CARD", "BANK_TRANSFER"] as const).map((method) => ({ method, direction })),
  ),
) => {
  for (const [i, config] of methods.entries()) {
    const row = {
      isEnabled: config.isEnabled ?? true,
      position: config.position ?? i,
      minMinor: config.minMinor ?? 1_000n,
      maxMinor: config.maxMinor ?? 500_000n,
      feeFixedMinor: config.feeFixedMinor ?? 0n,
      feeBps: config.feeBps ?? 0,
      dailyCount: config.dailyCount ?? null,
    };
    await deps.db.prisma.cashierMethod.upsert({
      where: {
        country_currency_direction_method: { country, currency, direction: config.direction, method: config.method },
      },
      create: { country, currency, direction: config.direction, method: config.method, ...row },
      update: row,
    });
  }
};

/** The demo routing (card: cardpay then cardplus; bank: instabank) and an auto-approval amount per currency. */
export const configurePaymentRouting = async (
  deps: Pick<ServiceDeps, "db">,
  autoApproveMinor: Partial<Record<CurrencyCode, bigint>> = {},
) => {
  await deps.db.prisma.paymentRoute.createMany({
    data: [
      { method: "CARD", provider: "cardpay", priority: 1 },
      { method: "CARD", provider: "cardplus", priority: 2 },
      { method: "BANK_TRANSFER", provider: "instabank", priority: 1 },
    ],
    skipDuplicates: true,
  });
  for (const [currency, maxAutoMinor] of Object.entries(autoApproveMinor)) {
    await deps.db.prisma.withdrawalAutoApproval.upsert({
      where: { currency },
      create: { currency, maxAutoMinor },
      update: { maxAutoMinor },
    });
  }
};

/** A verified player of `country` (deposits need a confirmed email), optionally with cash already deposited. */
export const createCashierPlayer = async (
  deps: ServiceDeps,
  country: string,
  currency: CurrencyCode = "EUR",
  cashMinor = 0n,
) => {
  const player =
    cashMinor > 0n
      ? await createFundedPlayer(deps, cashMinor, currency)
      : await createTestPlayer(deps.db, { currency });
  await deps.db.prisma.player.update({
    where: { id: player.id },
    data: { country, emailVerifiedAt: new Date("2026-01-01T00:00:00Z") },
  });
  return player;
};

/** The same deps with their payment providers replaced by `change(providers)`. */
export const withProviders = <D extends PaymentDeps>(
  deps: D,
  change: (providers: readonly PaymentProvider[]) => PaymentProvider[],
): D => ({
  ...deps,
  paymentSettings: {
    ...deps.paymentSettings,
    providers: createProviderRegistry(change(paymentSettingsOf(deps).providers.all())),
  },
});

/** The same providers, but with a revoked API key: the sandbox answers every call 401, a definite no. */
export const withRevokedProviderKey = <D extends PaymentDeps>(deps: D, sandboxUrl: string): D =>
  withProviders(deps, (providers) =>
    providers.map(({ code, methods }) =>
      sandboxProvider({
        code,
        methods,
        baseUrl: sandboxUrl,
        timeoutMs: 5_000,
        credentials: { apiKey: "sk_revoked", webhookSecret: "unused" },
      }),
    ),
  );

/** The same providers but one: it was taken out of the configuration. */
export const withoutProvider = <D extends PaymentDeps>(deps: D, code: string): D =>
  withProviders(deps, (providers) => providers.filter((provider) => provider.code !== code));

/**
 * The same deps, but the worker dies right after claiming a payout (APPROVED → PROCESSING committed), before it
 * records the provider the payout goes to: routing throws.
 */
export const withCrashAfterPayoutClaim = <D extends PaymentDeps>(deps: D): D => ({
  ...deps,
  paymentSettings: {
    ...deps.paymentSettings,
    providers: {
      get: () => {
        throw new Error("the worker died while routing the payout");
      },
      all: () => [],
    },
  },
});

/** Makes a payment look `ageMs` older, as if left untouched that long: its last change and its deadline move back. */
export const backdatePayment = async (deps: Pick<ServiceDeps, "db">, paymentId: string, ageMs: number) => {
  await deps.db.pool.query(
    `UPDATE payment SET updated_at = updated_at - $2::bigint * interval '1 millisecond',
                        expires_at = expires_at - $2::bigint * interval '1 millisecond'
      WHERE id = $1`,
    [paymentId, ageMs],
  );
};

/** How many times the provider paid our payout out: its settlement report's payout lines for our reference. */
export const providerPayoutsOf = async (deps: PaymentDeps, provider: string, paymentId: string) => {
  const report = await paymentSettingsOf(deps).providers.get(provider)?.fetchSettlementReport?.();
  return (readSettlementReport(report ?? "") ?? []).filter(
    (line) => line.fields?.type === "payout" && line.fields.merchant_reference === paymentId,
  ).length;
};
