import { runWithRequestContext } from "@pitboss/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getServiceDeps } from "../deps";
import { appRouter } from "../root";
import type { TrpcContext } from "../trpc";
import { requestIdOf } from "./request-id";

/** The `/api/trpc/*` route of an app: request id in, request id out, never cached. */
export const createTrpcHandler = (app: TrpcContext["app"]) => (request: Request) => {
  const requestId = requestIdOf(request);
  return runWithRequestContext({ requestId }, () =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request,
      router: appRouter,
      createContext: () => ({ ...getServiceDeps(), requestId, app }),
      responseMeta: () => ({
        headers: new Headers({ "x-request-id": requestId, "cache-control": "private, no-store" }),
      }),
    }),
  );
};
