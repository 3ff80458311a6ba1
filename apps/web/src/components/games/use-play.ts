"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { newIdempotencyKey } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { usePlayer } from "../player-context";

/**
 * One instant round through `round.play`, with a fresh idempotency key per bet. After every round the balance,
 * the statement, the recent rounds and the fairness state are refetched, so the screen never shows stale money.
 */
export const usePlay = (game: string) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { player } = usePlayer();
  const mutation = useMutation(
    trpc.round.play.mutationOptions({
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.wallet.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.round.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.fairness.get.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.lobby.personal.queryKey() }),
        ]),
    }),
  );
  const play = (stakeMinor: bigint, params: unknown) =>
    mutation.mutate({
      game,
      currency: player?.currency ?? "EUR",
      stakeMinor,
      params,
      idempotencyKey: newIdempotencyKey(),
    });
  return { ...mutation, play };
};
