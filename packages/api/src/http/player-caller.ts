import { newId } from "@pitboss/db";
import { getServiceDeps } from "../deps";
import { createCaller } from "../root";
import type { PlayerActor } from "../trpc";

type HeaderReader = { get: (name: string) => string | null };

/** The player app's in-process caller for React Server Components and route handlers: one per request. */
export const createPlayerServerCaller = ({ player, headers }: { player: PlayerActor | null; headers?: HeaderReader }) =>
  createCaller({
    ...getServiceDeps(),
    requestId: headers?.get("x-request-id") || newId("request"),
    app: "web",
    player,
    client: {
      ip: headers?.get("x-forwarded-for")?.split(",")[0]?.trim() || headers?.get("x-real-ip") || null,
      userAgent: headers?.get("user-agent") ?? null,
    },
  });
