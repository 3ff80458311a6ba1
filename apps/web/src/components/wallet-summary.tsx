"use client";

import { Button, Notice, Stat, useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useErrorMessage, useT } from "~/i18n/client";
import { newIdempotencyKey } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { useMoney, usePlayer } from "./player-context";

/** Balances and lifetime net deposits; in demo mode, the clearly labelled demo-credit button. */
export const WalletSummary = () => {
  const t = useT("wallet");
  const money = useMoney();
  const trpc = useTRPC();
  const summary = useQuery(trpc.wallet.summary.queryOptions());
  const data = summary.data;
  return (
    <section aria-labelledby="balances-title" className="flex flex-col gap-3">
      <h2 id="balances-title" className="sr-only">
        {t("balances")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t("cash")} value={data ? money(data.cashMinor) : "…"} testId="wallet-cash" />
        <Stat label={t("bonus")} value={data ? money(data.bonusMinor) : "…"} testId="wallet-bonus" />
        <Stat label={t("pending")} value={data ? money(data.pendingWithdrawalMinor) : "…"} testId="wallet-pending" />
        <Stat label={t("netDeposits")} value={data ? money(data.netDepositsMinor) : "…"} testId="wallet-net" />
      </dl>
    </section>
  );
};

export const DemoCredits = () => {
  const t = useT("wallet");
  const money = useMoney();
  const errorMessage = useErrorMessage();
  const { isDemo } = usePlayer();
  const trpc = useTRPC();
  const refetchAfterWrite = useRefetchAfterWrite();
  // One key per intended deposit: a double click or a retry adds the credits once.
  const key = useRef(newIdempotencyKey());
  const add = useMutation(
    trpc.wallet.addDemoCredits.mutationOptions({
      onSuccess: () => {
        key.current = newIdempotencyKey();
        void refetchAfterWrite(trpc.wallet.pathKey());
      },
    }),
  );
  if (!isDemo) return null;
  return (
    <section aria-labelledby="demo-title" className="rounded-xl border border-chip-500/60 border-dashed p-4">
      <h2 id="demo-title" className="font-semibold">
        {t("demo.title")}
      </h2>
      <p className="mb-3 text-muted text-sm">{t("demo.body")}</p>
      {add.error ? <Notice tone="danger">{errorMessage(add.error)}</Notice> : null}
      {add.data ? (
        <Notice tone="success" testId="demo-added">
          {t("demo.added", { amount: money(add.data.amountMinor) })}
        </Notice>
      ) : null}
      <Button
        className="mt-2 py-2"
        isBusy={add.isPending}
        onClick={() => add.mutate({ idempotencyKey: key.current })}
        data-testid="demo-credits"
      >
        {t("demo.button")}
      </Button>
    </section>
  );
};
