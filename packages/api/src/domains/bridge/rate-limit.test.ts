import { manualClock } from "@pitboss/db";
import { describe, expect, it } from "vitest";
import { parseRateLimits, tokenBuckets } from "./rate-limit";

describe("studio rate limits", () => {
  it("lets a burst through, then the sustained rate, per provider", () => {
    const clock = manualClock("2026-11-21T10:00:00Z");
    const limiter = tokenBuckets(clock, (provider) => (provider === "acme" ? { perSecond: 10, burst: 3 } : null));
    expect([1, 2, 3, 4].map(() => limiter.take("acme"))).toEqual([true, true, true, false]);
    expect(limiter.retryAfterSeconds("acme")).toBe(1);
    // Another provider has its own bucket (here: no limit at all).
    expect(Array.from({ length: 100 }, () => limiter.take("other")).every(Boolean)).toBe(true);
    clock.advance(100);
    expect(limiter.take("acme")).toBe(true);
    expect(limiter.take("acme")).toBe(false);
    // Refills up to the burst, never beyond.
    clock.advance(60_000);
    expect([1, 2, 3, 4].map(() => limiter.take("acme"))).toEqual([true, true, true, false]);
    // A clock set back refills nothing.
    clock.advance(-5_000);
    expect(limiter.take("acme")).toBe(false);
  });

  it("reads STUDIO_RATE_LIMIT: a default, per-provider overrides, off; refuses anything else", () => {
    const limits = parseRateLimits("2000/4000, acme=50/100, free=off");
    expect(limits?.("hub88")).toEqual({ perSecond: 2000, burst: 4000 });
    expect(limits?.("acme")).toEqual({ perSecond: 50, burst: 100 });
    expect(limits?.("free")).toBeNull();
    expect(parseRateLimits("off")?.("acme")).toBeNull();
    for (const bad of ["", "fast", "10", "0/10", "10/0", "10/10,ACME=1/1", "10/10,acme=1", "10/10,acme"]) {
      expect(parseRateLimits(bad), bad).toBeNull();
    }
  });
});
