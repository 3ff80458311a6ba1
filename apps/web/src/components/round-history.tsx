"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useT } from "~/i18n/client";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { useMoney } from "./player-context";

/** The player's last rounds with recall detail: parameters, outcome and the seeds that decided it. */
export const RoundHistory = () => {
  const t = useT("games");
  const { locale, timeZone } = useLocale();
  const money = useMoney();
  const trpc = useTRPC();
  const rounds = useQuery(trpc.round.recent.queryOptions());
  return (
    <section aria-labelledby="rounds-title" className="flex flex-col gap-2">
      <h2 id="rounds-title" className="font-semibold text-lg">
        {t("history.title")}
      </h2>
      {rounds.data?.length === 0 ? <p className="text-muted text-sm">{t("history.empty")}</p> : null}
      <ul className="flex flex-col gap-2" data-testid="round-history">
        {rounds.data?.map((round) => (
          <li key={round.id} className="rounded-lg bg-felt-900 ring-1 ring-felt-700">
            <details>
              <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
                <span className="font-medium">
                  {t.has(`name.${round.game}`) ? t(`name.${round.game}`) : round.game}
                </span>
                <span className="text-muted">{formatDateTime(round.createdAt, locale, timeZone)}</span>
                <span className="ms-auto tabular-nums">
                  <bdi>{money(round.stakeMinor, { currency: round.currency })}</bdi> →{" "}
                  <bdi>{round.payoutMinor === null ? "…" : money(round.payoutMinor, { currency: round.currency })}</bdi>
                </span>
                <span className={round.result === "WIN" ? "text-emerald-300" : "text-muted"}>
                  {t(`result.${round.result ?? round.status}`)}
                </span>
              </summary>
              <div className="flex flex-col gap-1 border-felt-700 border-t px-3 py-2 text-xs">
                <p>
                  {t("history.roundId")}: <bdi className="font-mono">{round.id}</bdi>
                </p>
                {round.fairness ? (
                  <>
                    <p className="break-all">
                      {t("fair.serverSeedHash")}: <bdi className="font-mono">{round.fairness.serverSeedHash}</bdi>
                    </p>
                    <p>
                      {t("fair.clientSeed")}: <bdi className="font-mono">{round.fairness.clientSeed}</bdi> ·{" "}
                      {t("fair.nonce")}: <bdi className="font-mono">{round.fairness.nonce}</bdi>
                    </p>
                    <p className="break-all">
                      {t("fair.serverSeed")}:{" "}
                      <bdi className="font-mono">{round.fairness.serverSeed ?? t("fair.notRevealed")}</bdi>
                    </p>
                  </>
                ) : null}
                <pre dir="ltr" className="overflow-x-auto rounded bg-felt-950 p-2 text-start">
                  {JSON.stringify({ params: round.params, outcome: round.outcome }, null, 1)}
                </pre>
              </div>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
};
