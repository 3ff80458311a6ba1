"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** After a change to a player: refetch every player 360 query (profile, money, timeline). */
export const useInvalidatePlayer = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.admin.player.pathKey() });
};
