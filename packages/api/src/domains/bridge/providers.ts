import { DomainError, isCurrencyCode, type Tx } from "@pitboss/db";
import { z } from "zod";
import type { ServiceDeps } from "../../deps";
import type { BridgeProtocol } from "./bridge.types";

type Deps = Pick<ServiceDeps, "db" | "now">;

/**
 * Writes what a switch changed to the audit trail, in the switch's transaction so both commit or neither does
 * (studio-admin.ts, switching for staff). Not called when the switch changed nothing.
 */
type AuditSwitch<Change> = (tx: Tx, change: Change) => Promise<void>;

export type ProviderRecord = {
  code: string;
  name: string;
  protocol: BridgeProtocol;
  launchUrl: string;
  isEnabled: boolean;
};

// Protocol and launch URL rarely change; whether a provider is enabled is always read fresh where it matters (bets,
// launches). Only found providers are cached, so one registered a moment ago is seen at once.
const cacheMs = 30_000;
const cache = new Map<string, { record: ProviderRecord; until: number }>();

/** The provider a studio request names, if it is registered for that protocol. */
export const findProvider = async (
  deps: Deps,
  code: string,
  protocol: BridgeProtocol,
): Promise<ProviderRecord | null> => {
  const cached = cache.get(code);
  const now = deps.now().getTime();
  let record = cached && cached.until > now ? cached.record : null;
  if (!record) {
    record = await deps.db.prisma.gameProvider.findUnique({
      where: { code },
      select: { code: true, name: true, protocol: true, launchUrl: true, isEnabled: true },
    });
    if (record) cache.set(code, { record, until: now + cacheMs });
  }
  return record && record.protocol === protocol ? record : null;
};

export const providerCode = z.string().regex(/^[a-z0-9][a-z0-9-]{1,31}$/, "lower-case letters, digits and dashes");

export const registerProviderInput = z
  .object({
    code: providerCode,
    name: z.string().min(1).max(100),
    protocol: z.enum(["HUB88", "PRAGMATIC", "PITBOSS"]),
    launchUrl: z.url().refine((url) => /^https?:\/\//.test(url), "http(s) only"),
  })
  .strict();
export type RegisterProviderInput = z.input<typeof registerProviderInput>;

/** Registers a studio (or updates its name, protocol and launch URL). Its credentials are configured in the environment. */
export const registerProvider = async (deps: Deps, rawInput: RegisterProviderInput) => {
  const input = registerProviderInput.parse(rawInput);
  cache.delete(input.code);
  return deps.db.prisma.gameProvider.upsert({
    where: { code: input.code },
    update: { name: input.name, protocol: input.protocol, launchUrl: input.launchUrl, updatedAt: deps.now() },
    create: { ...input, createdAt: deps.now(), updatedAt: deps.now() },
  });
};

const setProviderEnabledInput = z
  .object({ code: providerCode, isEnabled: z.boolean(), reason: z.string().min(3).max(500).optional() })
  .strict()
  .refine((input) => input.isEnabled || input.reason, {
    message: "say why the provider is switched off",
    path: ["reason"],
  });
export type SetProviderEnabledInput = z.input<typeof setProviderEnabledInput>;

type ProviderSwitchState = { isEnabled: boolean; disabledReason: string | null };

/**
 * The kill switch: off, the provider's games cannot be launched and every new bet is refused; wins and rollbacks of
 * bets already taken are still accepted, so players are paid what they are owed. Switching to the state it is in
 * changes nothing and writes nothing.
 */
export const setProviderEnabled = async (
  deps: Deps,
  rawInput: SetProviderEnabledInput,
  audit?: AuditSwitch<{ before: ProviderSwitchState; after: ProviderSwitchState }>,
) => {
  const input = setProviderEnabledInput.parse(rawInput);
  await deps.db.prisma.$transaction(async (tx) => {
    const before = await tx.gameProvider.findUnique({
      where: { code: input.code },
      select: { isEnabled: true, disabledReason: true },
    });
    if (!before) throw new DomainError("NOT_FOUND", { message: `unknown provider "${input.code}"` });
    if (before.isEnabled === input.isEnabled) return;
    const after = { isEnabled: input.isEnabled, disabledReason: input.isEnabled ? null : (input.reason ?? null) };
    await tx.gameProvider.update({ where: { code: input.code }, data: { ...after, updatedAt: deps.now() } });
    await audit?.(tx, { before, after });
  });
  cache.delete(input.code);
  return { code: input.code, isEnabled: input.isEnabled };
};

export const listProviders = (deps: Deps) =>
  deps.db.prisma.gameProvider.findMany({
    select: { code: true, name: true, protocol: true, launchUrl: true, isEnabled: true, disabledReason: true },
    orderBy: { code: "asc" },
  });

const currency = z.string().refine(isCurrencyCode, "unknown currency");

export const registerStudioGameInput = z
  .object({
    provider: providerCode,
    /** The studio's own code for the game (what its wallet calls carry). */
    externalCode: z.string().min(1).max(64),
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
    name: z.string().min(1).max(100),
    category: z.string().min(1).max(40),
    rtpBps: z.number().int().min(0).max(10_000),
    volatility: z.enum(["LOW", "MEDIUM", "HIGH"]),
    /** ISO 3166-1 alpha-2 codes the game may be offered in; empty: everywhere. */
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/))
      .max(250)
      .default([]),
    limits: z
      .array(
        z.object({ currency, minStakeMinor: z.bigint().positive(), maxStakeMinor: z.bigint().positive() }).strict(),
      )
      .min(1)
      .refine((limits) => limits.every((limit) => limit.minStakeMinor <= limit.maxStakeMinor), "min above max"),
  })
  .strict();
export type RegisterStudioGameInput = z.input<typeof registerStudioGameInput>;

/**
 * Registers (or updates) a studio game in the catalogue with its RTP, volatility, countries and stake limits per
 * currency. Whether it is enabled is left as it is on update (see `setGameEnabled`).
 */
export const registerStudioGame = async (
  deps: Deps & Pick<ServiceDeps, "newId">,
  rawInput: RegisterStudioGameInput,
) => {
  const input = registerStudioGameInput.parse(rawInput);
  const provider = await deps.db.prisma.gameProvider.findUnique({
    where: { code: input.provider },
    select: { code: true },
  });
  if (!provider) throw new DomainError("NOT_FOUND", { message: `unknown provider "${input.provider}"` });
  const details = {
    name: input.name,
    category: input.category,
    rtpBps: input.rtpBps,
    volatility: input.volatility,
    countries: input.countries,
    externalCode: input.externalCode,
  };
  return deps.db.prisma.$transaction(async (tx) => {
    const game = await tx.game.upsert({
      where: { slug: input.slug },
      update: details,
      create: { id: deps.newId("game"), slug: input.slug, provider: input.provider, ...details, createdAt: deps.now() },
      select: { id: true, slug: true, provider: true },
    });
    if (game.provider !== input.provider) {
      throw new DomainError("CONFLICT", { message: `slug "${input.slug}" belongs to another provider` });
    }
    for (const limit of input.limits) {
      await tx.gameLimit.upsert({
        where: { gameId_currency: { gameId: game.id, currency: limit.currency } },
        update: { minStakeMinor: limit.minStakeMinor, maxStakeMinor: limit.maxStakeMinor },
        create: { gameId: game.id, ...limit },
      });
    }
    return game;
  });
};

const setGameEnabledInput = z.object({ slug: z.string().min(1).max(64), isEnabled: z.boolean() }).strict();

/**
 * Switches one studio game on or off: off, it cannot be launched and its new bets are refused (wins and rollbacks are
 * still paid). Switching to the state it is in changes nothing and writes nothing.
 */
export const setGameEnabled = async (
  deps: Deps,
  rawInput: z.input<typeof setGameEnabledInput>,
  audit?: AuditSwitch<{ id: string; provider: string; isEnabled: boolean }>,
) => {
  const input = setGameEnabledInput.parse(rawInput);
  await deps.db.prisma.$transaction(async (tx) => {
    const before = await tx.game.findUnique({
      where: { slug: input.slug },
      select: { id: true, provider: true, isEnabled: true, externalCode: true },
    });
    // In-house games have no external code; they are not switched here.
    if (!before?.externalCode) throw new DomainError("NOT_FOUND", { message: `unknown studio game "${input.slug}"` });
    if (before.isEnabled === input.isEnabled) return;
    await tx.game.update({ where: { slug: input.slug }, data: { isEnabled: input.isEnabled } });
    await audit?.(tx, before);
  });
  return { slug: input.slug, isEnabled: input.isEnabled };
};

/** A provider's games with their catalogue details and stake limits. */
export const listStudioGames = (deps: Deps, provider: string) =>
  deps.db.prisma.game.findMany({
    where: { provider },
    select: {
      slug: true,
      name: true,
      externalCode: true,
      category: true,
      rtpBps: true,
      volatility: true,
      countries: true,
      isEnabled: true,
      limits: { select: { currency: true, minStakeMinor: true, maxStakeMinor: true } },
    },
    orderBy: { name: "asc" },
  });
