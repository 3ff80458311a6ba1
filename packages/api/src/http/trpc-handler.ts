import { runWithRequestContext } from "@pitboss/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getServiceDeps } from "../deps";
import type { StaffActor } from "../domains/staff/staff.types";
import { appRouter } from "../root";
import type { PlayerActor, TrpcContext } from "../trpc";
import { requestIdOf } from "./request-id";
import { clientOf, staffCookieWriter } from "./staff-session";

export type ActorResolvers = {
  /** Reads the player's session from the request (the player app's auth); absent: nobody is signed in. */
  resolvePlayer?: (request: Request) => Promise<PlayerActor | null>;
  /** Reads the staff session from the admin app's cookie (`resolveStaffFromRequest`); admin app only. */
  resolveStaff?: (request: Request) => Promise<StaffActor | null>;
};

/** The `/api/trpc/*` route of an app: request id in, request id out, never cached. */
export const createTrpcHandler =
  (app: TrpcContext["app"], resolvers: ActorResolvers = {}) =>
  async (request: Request) => {
    const requestId = requestIdOf(request);
    const player = (await resolvers.resolvePlayer?.(request)) ?? null;
    const staff = (await resolvers.resolveStaff?.(request)) ?? null;
    return runWithRequestContext({ requestId }, () =>
      fetchRequestHandler({
        endpoint: "/api/trpc",
        req: request,
        router: appRouter,
        createContext: ({ resHeaders }) => ({
          ...getServiceDeps(),
          requestId,
          app,
          player,
          staff,
          client: clientOf(request.headers),
          ...(app === "admin" ? { staffCookie: staffCookieWriter(resHeaders) } : {}),
        }),
        responseMeta: () => ({
          headers: new Headers({ "x-request-id": requestId, "cache-control": "private, no-store" }),
        }),
      }),
    );
  };
