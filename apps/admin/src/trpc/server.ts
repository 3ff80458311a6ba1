import "server-only";
import { createCaller, getServiceDeps } from "@pitboss/api";
import { newId } from "@pitboss/db";
import { cache } from "react";

/** tRPC for React Server Components: the same procedures, called in-process, once per request. */
export const api = cache(() =>
  createCaller({ ...getServiceDeps(), requestId: newId("request"), app: "admin", player: null }),
);
