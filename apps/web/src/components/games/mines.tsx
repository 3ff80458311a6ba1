"use client";

import { MINES_CELLS, MINES_MAX, minesMultiplier, payoutFor } from "@pitboss/api/client";
import { Button, useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useLocale, useT } from "~/i18n/client";
import { formatHundredths, newIdempotencyKey } from "~/lib/format";
import { ratioHundredths } from "~/lib/mines";
import { parseStakeToMinor } from "~/lib/stake";
import { useTRPC } from "~/trpc/react";
import { useMoney, usePlayer } from "../player-context";
import { ResultBanner } from "./result-banner";
import { StakeField } from "./stake-field";

type Round = {
  id: string;
  status: "OPEN" | "SETTLED" | "VOIDED";
  result: "WIN" | "LOSE" | "PUSH" | null;
  stakeMinor: bigint;
  payoutMinor: bigint | null;
  currency: string;
  params: unknown;
  outcome: unknown;
};
type Progress = { mines?: number; picks?: number[] };
type Outcome = { minePositions: number[]; safeReveals: number[]; hitMine: number | null };

const look = {
  hidden: "bg-felt-900 enabled:hover:bg-felt-700",
  safe: "bg-emerald-600",
  mine: "bg-red-900",
  hit: "bg-red-600",
} as const;

/**
 * Mines, one tile at a time: stake and start (the board is committed by the server seed and nonce), open tiles,
 * watch the multiplier grow, cash out whenever you like; a mine ends the round. A reload resumes the round.
 */
export const MinesGame = () => {
  const t = useT("games");
  const { locale } = useLocale();
  const money = useMoney();
  const { player } = usePlayer();
  const trpc = useTRPC();
  const refetchAfterWrite = useRefetchAfterWrite();
  const [stake, setStake] = useState("1.00");
  const [mineChoice, setMineChoice] = useState(3);
  // The round on screen; undefined until the player acts, so the round in play (if any) is resumed on load.
  const [local, setLocal] = useState<Round | null | undefined>(undefined);
  const current = useQuery(trpc.round.current.queryOptions({ game: "mines" }));
  const round: Round | null = local === undefined ? (current.data ?? null) : local;

  const refresh = () =>
    refetchAfterWrite(
      trpc.wallet.pathKey(),
      trpc.round.recent.queryKey(),
      trpc.fairness.get.queryKey(),
      trpc.lobby.personal.queryKey(),
    );
  const open = useMutation(trpc.round.open.mutationOptions());
  const bet = useMutation(trpc.round.placeBet.mutationOptions());
  const onRound = { onSuccess: (next: Round) => setLocal(next), onSettled: refresh };
  const start = useMutation({
    mutationFn: async (stakeMinor: bigint) => {
      // A round opened earlier whose stake was refused is staked again rather than left behind.
      const roundId =
        round?.status === "OPEN" && round.stakeMinor === 0n
          ? round.id
          : (
              await open.mutateAsync({
                game: "mines",
                currency: player?.currency ?? "EUR",
                idempotencyKey: newIdempotencyKey(),
              })
            ).id;
      return bet.mutateAsync({ roundId, stakeMinor, idempotencyKey: newIdempotencyKey() });
    },
    ...onRound,
  });
  const reveal = useMutation(trpc.round.reveal.mutationOptions(onRound));
  const cashOut = useMutation(trpc.round.settle.mutationOptions(onRound));

  const progress = (round?.status === "OPEN" ? round.params : null) as Progress | null;
  const picks = progress?.picks ?? [];
  const isPlaying = round?.status === "OPEN" && round.stakeMinor > 0n;
  const mines = progress?.mines ?? mineChoice;
  const outcome = (round?.status === "SETTLED" ? round.outcome : null) as Outcome | null;
  const isBusy = start.isPending || reveal.isPending || cashOut.isPending;
  const stakeMinor = parseStakeToMinor(stake, player?.currencyExponent ?? 2);
  const now = minesMultiplier(mines, picks.length);
  const next = picks.length < MINES_CELLS - mines ? minesMultiplier(mines, picks.length + 1) : null;
  const times = (ratio: { num: bigint; den: bigint }) =>
    t("multiplier", { value: formatHundredths(ratioHundredths(ratio), locale) });

  const stateOf = (cell: number) => {
    if (outcome) {
      if (outcome.hitMine === cell) return "hit";
      if (outcome.minePositions.includes(cell)) return "mine";
      return outcome.safeReveals.includes(cell) ? "safe" : "hidden";
    }
    return picks.includes(cell) ? "safe" : "hidden";
  };
  const error = start.error ?? reveal.error ?? cashOut.error;

  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted text-sm">{isPlaying ? t("mines.playing", { count: mines }) : t("mines.intro")}</p>
      <div className="grid grid-cols-5 gap-1.5" dir="ltr" data-testid="mines-board">
        {Array.from({ length: MINES_CELLS }, (_, cell) => {
          const state = stateOf(cell);
          const canOpen = isPlaying && state === "hidden" && !isBusy;
          return (
            <button
              // biome-ignore lint/suspicious/noArrayIndexKey: the 25 tiles are fixed positions
              key={cell}
              type="button"
              disabled={!canOpen}
              aria-label={`${t("mines.tile", { n: cell + 1 })}${state === "mine" || state === "hit" ? ` · ${t("mines.mine")}` : state === "safe" ? ` · ${t("mines.safe")}` : ""}`}
              onClick={() => round && reveal.mutate({ roundId: round.id, mines, cell })}
              className={`aspect-square rounded-md ring-1 ring-felt-700 transition-colors focus-visible:outline-2 focus-visible:outline-chip-400 disabled:cursor-default ${look[state]} ${isPlaying || outcome ? "" : "opacity-60"}`}
              data-testid={`mines-cell-${cell}`}
              data-state={state}
            >
              <span aria-hidden="true">{state === "hit" || state === "mine" ? "✹" : state === "safe" ? "◆" : ""}</span>
            </button>
          );
        })}
      </div>
      {isPlaying && round ? (
        <>
          <dl className="grid grid-cols-3 gap-2 text-sm" aria-live="polite" data-testid="mines-status">
            <div>
              <dt className="text-muted">{t("mines.multiplier")}</dt>
              <dd className="font-semibold tabular-nums" data-testid="mines-multiplier">
                <bdi dir="ltr">{times(now)}</bdi>
              </dd>
            </div>
            <div>
              <dt className="text-muted">{t("mines.next")}</dt>
              <dd className="font-semibold tabular-nums">
                <bdi dir="ltr">{next ? times(next) : "—"}</bdi>
              </dd>
            </div>
            <div>
              <dt className="text-muted">{t("stake")}</dt>
              <dd className="font-semibold tabular-nums">
                <bdi>{money(round.stakeMinor, { currency: round.currency })}</bdi>
              </dd>
            </div>
          </dl>
          <Button
            className="py-3 text-base"
            isBusy={cashOut.isPending}
            disabled={picks.length === 0 || isBusy}
            onClick={() => cashOut.mutate({ roundId: round.id, params: { mines, picks } })}
            data-testid="mines-cash-out"
          >
            {t("mines.cashOut", { amount: money(payoutFor(round.stakeMinor, now), { currency: round.currency }) })}
          </Button>
        </>
      ) : (
        <>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-muted">{t("mines.count")}</span>
            <select
              value={mineChoice}
              onChange={(event) => setMineChoice(Number(event.target.value))}
              className="rounded-md border border-felt-700 bg-felt-950 px-2 py-2"
              data-testid="mines-count"
            >
              {Array.from({ length: MINES_MAX }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <StakeField value={stake} onChange={setStake} />
          <Button
            className="py-3 text-base"
            isBusy={start.isPending}
            disabled={stakeMinor === null || isBusy || current.isPending}
            onClick={() => {
              cashOut.reset();
              reveal.reset();
              if (stakeMinor) start.mutate(stakeMinor);
            }}
            data-testid="play"
          >
            {t("mines.start")}
          </Button>
        </>
      )}
      <ResultBanner round={round?.status === "SETTLED" ? round : undefined} error={error} />
    </div>
  );
};
