import type { CurrencyCode } from "../money";

/** Demo data `npm start` seeds; the README lists these logins. Passwords are for local demos only. */
export const demoPlayerPassword = "play-pitboss-1";
export const demoStaffPassword = "staff-pitboss-1";

export const demoPlayers: ReadonlyArray<{
  email: string;
  displayName: string;
  country: string;
  currency: CurrencyCode;
  locale: string;
  dateOfBirth: string;
  /** E.164; some demo players have none (the column is optional). */
  phone?: string;
  /** Opening deposit in minor units. */
  depositMinor: bigint;
}> = [
  {
    email: "alice@demo.pitboss.dev",
    displayName: "Alice",
    country: "DE",
    currency: "EUR",
    locale: "de",
    dateOfBirth: "1990-04-12",
    phone: "+4915112345678",
    depositMinor: 50_000n,
  },
  {
    email: "bruno@demo.pitboss.dev",
    displayName: "Bruno",
    country: "BR",
    currency: "BRL",
    locale: "pt-BR",
    dateOfBirth: "1985-09-30",
    phone: "+5511987654321",
    depositMinor: 250_000n,
  },
  {
    email: "carmen@demo.pitboss.dev",
    displayName: "Carmen",
    country: "ES",
    currency: "EUR",
    locale: "es",
    dateOfBirth: "1994-01-05",
    depositMinor: 12_500n,
  },
  {
    email: "deniz@demo.pitboss.dev",
    displayName: "Deniz",
    country: "TR",
    currency: "TRY",
    locale: "tr",
    dateOfBirth: "1992-07-21",
    depositMinor: 1_000_000n,
  },
  {
    email: "yael@demo.pitboss.dev",
    displayName: "Yael",
    country: "IL",
    currency: "USD",
    locale: "he",
    dateOfBirth: "1988-11-11",
    phone: "+972501234567",
    depositMinor: 30_000n,
  },
];

export const demoStaff = [
  { email: "support@demo.pitboss.dev", displayName: "Sam Support", roles: ["SUPPORT"] },
  { email: "risk@demo.pitboss.dev", displayName: "Rita Risk", roles: ["RISK"] },
  { email: "finance@demo.pitboss.dev", displayName: "Finn Finance", roles: ["FINANCE"] },
  { email: "finance2@demo.pitboss.dev", displayName: "Fay Finance", roles: ["FINANCE"] },
  { email: "marketing@demo.pitboss.dev", displayName: "Mia Marketing", roles: ["MARKETING"] },
  { email: "admin@demo.pitboss.dev", displayName: "Ada Admin", roles: ["ADMIN"] },
  { email: "auditor@demo.pitboss.dev", displayName: "Aron Auditor", roles: ["AUDITOR"] },
] as const;

export const demoGames = [
  { slug: "dice", name: "Dice", provider: "pitboss", category: "originals", rtpBps: 9900 },
  { slug: "roulette", name: "European Roulette", provider: "pitboss", category: "table", rtpBps: 9730 },
  { slug: "limbo", name: "Limbo", provider: "pitboss", category: "originals", rtpBps: 9900 },
  { slug: "mines", name: "Mines", provider: "pitboss", category: "originals", rtpBps: 9900 },
  // Exact RTP by enumeration: 53561/55800 = 95.9875 % (packages/api/src/domains/games/slot-rtp.ts).
  { slug: "fruit-five", name: "Fruit Five", provider: "pitboss", category: "slots", rtpBps: 9599 },
  { slug: "demo-studio-wheel", name: "Lucky Wheel", provider: "demostudio", category: "slots", rtpBps: 9500 },
] as const;

/**
 * Stake limits of the in-house games, per currency in that currency's minor units: roughly 0.10 to 1,000 in
 * euro terms everywhere, so a demo player in any seeded currency can play.
 */
const inHouseStakeLimits: Readonly<Record<CurrencyCode, readonly [min: bigint, max: bigint]>> = {
  EUR: [10n, 100_000n],
  USD: [10n, 100_000n],
  GBP: [10n, 100_000n],
  BRL: [50n, 500_000n],
  TRY: [300n, 3_000_000n],
  JPY: [20n, 150_000n],
  BTC: [100n, 2_000_000n],
  USDT: [100_000n, 1_000_000_000n],
};

/**
 * The built-in demo studio: a separate process (`npm start` runs it) speaking the Hub88-compatible protocol to our
 * wallet. Its RSA key pair lives in .data/demo-studio/; the player site learns the public key from `npm start`.
 */
export const demoStudio = {
  code: "demostudio",
  name: "Pitboss Demo Studio",
  protocol: "HUB88",
  launchUrl: "http://localhost:3002/game",
  games: [{ slug: "demo-studio-wheel", externalCode: "lucky_wheel", volatility: "MEDIUM", countries: [] as string[] }],
} as const;

export const demoGameLimits = demoGames
  .filter((game) => game.provider === "pitboss" || game.provider === demoStudio.code)
  .flatMap((game) =>
    Object.entries(inHouseStakeLimits).map(([currency, [minStakeMinor, maxStakeMinor]]) => ({
      slug: game.slug,
      currency,
      minStakeMinor,
      maxStakeMinor,
    })),
  );

/**
 * The cashier for the demo: card (through cardpay, failing over to cardplus) and instant bank transfer (instabank),
 * both directions, in every fiat currency players sign up with; about 10 to 5,000 in euro terms. Turkey shows a
 * country override: withdrawals there go by bank only. Withdrawals up to about 100 euro are approved automatically;
 * in GB a player may not cancel a pending withdrawal.
 */
const cashierLimits = {
  EUR: [1_000n, 500_000n, 10_000n],
  USD: [1_000n, 500_000n, 10_000n],
  GBP: [1_000n, 500_000n, 10_000n],
  BRL: [5_000n, 2_500_000n, 50_000n],
  TRY: [30_000n, 15_000_000n, 300_000n],
  JPY: [1_500n, 750_000n, 15_000n],
} as const satisfies Partial<Record<CurrencyCode, readonly [min: bigint, max: bigint, autoApprove: bigint]>>;

export const demoCashierMethods = Object.entries(cashierLimits).flatMap(([currency, limits]) => {
  const [minMinor, maxMinor] = limits;
  return (["DEPOSIT", "WITHDRAWAL"] as const).flatMap((direction) =>
    (["CARD", "BANK_TRANSFER"] as const).map((method, position) => ({
      country: "*",
      currency,
      direction,
      method,
      position,
      minMinor,
      maxMinor,
      dailyCount: direction === "DEPOSIT" ? 10 : 5,
    })),
  );
});

export const demoCashierOverrides = [
  {
    country: "TR",
    currency: "TRY",
    direction: "WITHDRAWAL",
    method: "CARD",
    isEnabled: false,
    minMinor: cashierLimits.TRY[0],
    maxMinor: cashierLimits.TRY[1],
  },
] as const;

export const demoWithdrawalAutoApproval = Object.entries(cashierLimits).map(([currency, limits]) => ({
  currency,
  maxAutoMinor: limits?.[2] ?? 0n,
}));

export const demoPaymentRoutes = [
  { method: "CARD", provider: "cardpay", priority: 1 },
  { method: "CARD", provider: "cardplus", priority: 2 },
  { method: "BANK_TRANSFER", provider: "instabank", priority: 1 },
] as const;

export const demoPaymentJurisdictions = [
  { country: "*", canCancelWithdrawal: true },
  { country: "GB", canCancelWithdrawal: false },
] as const;
