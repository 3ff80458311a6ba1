import "server-only";
import { createPlayerServerCaller } from "@pitboss/api";
import { headers } from "next/headers";
import { cache } from "react";
import { currentPlayer } from "~/auth";

/** tRPC for React Server Components, anonymous (public procedures): called in-process, once per request. */
export const api = cache(() => createPlayerServerCaller({ player: null }));

/** tRPC for React Server Components as the signed-in player (or anonymous when signed out), once per request. */
export const playerApi = cache(async () =>
  createPlayerServerCaller({ player: await currentPlayer(), headers: await headers() }),
);
