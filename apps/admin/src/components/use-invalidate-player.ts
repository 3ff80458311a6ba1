"use client";

import { useRefetchAfterWrite } from "@pitboss/ui";
import { useTRPC } from "~/trpc/react";

/** After a change to a player: refetch every player 360 query (profile, money, timeline). */
export const useInvalidatePlayer = () => {
  const trpc = useTRPC();
  const refetchAfterWrite = useRefetchAfterWrite();
  return () => refetchAfterWrite(trpc.admin.player.pathKey());
};
