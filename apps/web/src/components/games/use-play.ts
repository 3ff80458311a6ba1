"use client";

import { useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation } from "@tanstack/react-query";
import { newIdempotencyKey } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { usePlayer } from "../player-context";

/**
 * One instant round through `round.play`, with a fresh idempotency key per bet. After every round the balance,
 * the statement, the recent rounds and the fairness state are refetched, so the screen never shows stale money.
 */
export const usePlay = (game: string) => {
  const trpc = useTRPC();
  const refetchAfterWrite = useRefetchAfterWrite();
  const { player } = usePlayer();
  const mutation = useMutation(
    trpc.round.play.mutationOptions({
      onSettled: () =>
        refetchAfterWrite(
          trpc.wallet.pathKey(),
          trpc.round.pathKey(),
          trpc.fairness.get.queryKey(),
          trpc.lobby.personal.queryKey(),
        ),
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
