import type { Clock } from "@pitboss/db";

/**
 * Rate limits on the studio callbacks: a token bucket per provider, in this process's memory. A studio may send
 * `perSecond` requests a second on average and `burst` at once; beyond that its requests get the protocol's own
 * transient error (before any command runs, so nothing is stored) and it retries later.
 *
 * Why in memory and not in PostgreSQL: a bucket row per provider would be updated by every request of that provider,
 * the hot row the bridge's tables avoid (no provider foreign key), and it would add a round trip to a bet that is one
 * round trip. The price: each instance counts on its own, so with N instances a studio gets up to N times the limit;
 * set the per-instance figure accordingly. A shared store (Redis, when configured) would make it global.
 */
export type RateLimit = { perSecond: number; burst: number };
export type RateLimiter = {
  /** Takes one request's token from the provider's bucket; false when it is empty (over the limit). */
  take: (provider: string) => boolean;
  /** Seconds until the provider's bucket holds a token again (for Retry-After). */
  retryAfterSeconds: (provider: string) => number;
};

type Bucket = { tokens: number; at: number };

export const tokenBuckets = (now: Clock, limitOf: (provider: string) => RateLimit | null): RateLimiter => {
  const buckets = new Map<string, Bucket>();
  const refill = (provider: string, limit: RateLimit): Bucket => {
    const at = now().getTime();
    const bucket = buckets.get(provider) ?? { tokens: limit.burst, at };
    // A clock set back (tests, NTP) refills nothing rather than draining the bucket.
    bucket.tokens = Math.min(limit.burst, bucket.tokens + (Math.max(0, at - bucket.at) / 1000) * limit.perSecond);
    bucket.at = at;
    buckets.set(provider, bucket);
    return bucket;
  };
  return {
    take: (provider) => {
      const limit = limitOf(provider);
      if (!limit) return true;
      const bucket = refill(provider, limit);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    retryAfterSeconds: (provider) => {
      const limit = limitOf(provider);
      if (!limit) return 0;
      const missing = 1 - refill(provider, limit).tokens;
      return missing <= 0 ? 0 : Math.max(1, Math.ceil(missing / limit.perSecond));
    },
  };
};

/** No limit at all (tests that are not about limits, and the benchmark). */
export const unlimited: RateLimiter = { take: () => true, retryAfterSeconds: () => 0 };

/**
 * `STUDIO_RATE_LIMIT`: `<perSecond>/<burst>` for every provider, then optional `<provider>=<perSecond>/<burst>`
 * overrides, comma-separated (`2000/4000,acme=50/100`); `off` for none. Null when malformed.
 */
export const parseRateLimits = (text: string): ((provider: string) => RateLimit | null) | null => {
  const pair = /^(\d{1,7})\/(\d{1,7})$/;
  const limitOf = (value: string): RateLimit | null | undefined => {
    if (value === "off") return null;
    const match = pair.exec(value);
    if (!match) return undefined;
    const [perSecond, burst] = [Number(match[1]), Number(match[2])];
    return perSecond > 0 && burst >= 1 ? { perSecond, burst } : undefined;
  };
  const [first = "", ...rest] = text.split(",").map((part) => part.trim());
  const fallback = limitOf(first);
  if (fallback === undefined) return null;
  const overrides = new Map<string, RateLimit | null>();
  for (const part of rest) {
    const [code = "", value = ""] = part.split("=");
    const limit = limitOf(value);
    if (!/^[a-z0-9][a-z0-9-]{1,31}$/.test(code) || limit === undefined) return null;
    overrides.set(code, limit);
  }
  return (provider) => (overrides.has(provider) ? (overrides.get(provider) ?? null) : fallback);
};
