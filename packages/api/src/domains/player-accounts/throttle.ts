import { DomainError } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { countRecentAttempts, insertAttempt } from "./player-accounts.repo";
import { THROTTLE_WINDOW_MS, throttleLimits } from "./policy";

type Kind = keyof typeof throttleLimits;
type Deps = Pick<ServiceDeps, "db" | "now" | "newId">;

/**
 * Refuses with RATE_LIMITED once the window holds too many attempts for this email and IP, or for this IP over
 * all emails. Sign-in counts failures only; reset requests count every request. Whether the email belongs to an
 * account plays no part, so the answer never tells known and unknown emails apart.
 */
export const assertNotThrottled = async (deps: Deps, kind: Kind, email: string, ip: string) => {
  const since = new Date(deps.now().getTime() - THROTTLE_WINDOW_MS);
  const onlyFailures = kind === "SIGN_IN";
  const [forEmail, forIp] = await Promise.all([
    countRecentAttempts(deps.db.prisma, { kind, email, ip, since, onlyFailures }),
    countRecentAttempts(deps.db.prisma, { kind, ip, since, onlyFailures }),
  ]);
  const limits = throttleLimits[kind];
  if (forEmail >= limits.perEmailAndIp || forIp >= limits.perIp) {
    throw new DomainError("RATE_LIMITED", {
      message: "too many attempts; try again later",
      meta: { retryAfterSeconds: THROTTLE_WINDOW_MS / 1000 },
    });
  }
};

export const recordAttempt = (deps: Deps, kind: Kind, email: string, ip: string, isSuccess: boolean) =>
  insertAttempt(deps.db.prisma, {
    id: deps.newId("authAttempt"),
    kind,
    email,
    ip,
    isSuccess,
    createdAt: deps.now(),
  });
