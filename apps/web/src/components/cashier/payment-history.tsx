"use client";

import { Button, Notice, useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation, useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { useErrorMessage, useLocale, useT } from "~/i18n/client";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { useMoney } from "../player-context";
import { isFinalStatus, PaymentStatusBadge, useReasonText } from "./payment-labels";

/**
 * The player's deposits and withdrawals, newest first, each with its status and the reason behind it. While any
 * is still moving the list refreshes itself; a withdrawal that may still be cancelled has a two-step cancel.
 */
export const PaymentHistory = () => {
  const t = useT("cashier");
  const { locale, timeZone } = useLocale();
  const errorMessage = useErrorMessage();
  const reasonText = useReasonText();
  const money = useMoney();
  const trpc = useTRPC();
  const refetchAfterWrite = useRefetchAfterWrite();
  const [confirming, setConfirming] = useState<string | null>(null);
  // One query per loaded page (the API takes exactly { cursor, limit }); a page with a payment still moving polls.
  const [cursors, setCursors] = useState<string[]>([]);
  const pages = useQueries({
    queries: [undefined, ...cursors].map((cursor) =>
      trpc.cashier.history.queryOptions(
        { limit: 10, ...(cursor ? { cursor } : {}) },
        {
          refetchInterval: (query) =>
            query.state.data?.items.some((item) => !isFinalStatus(item.status)) ? 5_000 : false,
        },
      ),
    ),
  });
  const cancel = useMutation(
    trpc.cashier.cancelWithdrawal.mutationOptions({
      onSettled: () => {
        setConfirming(null);
        void refetchAfterWrite(trpc.cashier.pathKey(), trpc.wallet.pathKey());
      },
    }),
  );
  const items = pages.flatMap((page) => page.data?.items ?? []);
  const nextCursor = pages.at(-1)?.data?.nextCursor ?? null;
  const isLoading = pages.some((page) => page.isPending);

  return (
    <section aria-labelledby="payments-title" className="flex flex-col gap-3">
      <h2 id="payments-title" className="font-semibold text-lg">
        {t("history.title")}
      </h2>
      {cancel.error ? <Notice tone="danger">{errorMessage(cancel.error)}</Notice> : null}
      {items.length === 0 && !isLoading ? <p className="text-muted text-sm">{t("history.empty")}</p> : null}
      <ul className="flex flex-col gap-2" data-testid="payment-history">
        {items.map((item) => (
          <li
            key={item.id}
            data-testid={`payment-${item.id}`}
            data-status={item.status}
            className="flex flex-col gap-1 rounded-xl bg-felt-900 px-3 py-2.5 text-sm ring-1 ring-felt-700"
          >
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-medium">
                {t(`direction.${item.direction}`)} · {t(`method.${item.method}`)}
              </span>
              <span className="ms-auto font-semibold tabular-nums">
                <bdi>
                  {money(item.direction === "WITHDRAWAL" ? -item.amountMinor : item.amountMinor, {
                    currency: item.currency,
                    signDisplay: "exceptZero",
                  })}
                </bdi>
              </span>
              <PaymentStatusBadge status={item.status} />
            </div>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-muted text-xs">
              <span>{formatDateTime(item.createdAt, locale, timeZone)}</span>
              {item.feeMinor > 0n ? (
                <span>{t("history.fee", { fee: money(item.feeMinor, { currency: item.currency }) })}</span>
              ) : null}
              {item.reasonCode ? <span data-testid="payment-reason">{reasonText(item.reasonCode)}</span> : null}
            </div>
            {item.canCancel ? (
              <div className="flex flex-wrap items-center gap-2 pt-1">
                {confirming === item.id ? (
                  <>
                    <span>{t("history.confirmCancel")}</span>
                    <Button
                      size="sm"
                      variant="danger"
                      isBusy={cancel.isPending}
                      onClick={() => cancel.mutate({ paymentId: item.id })}
                    >
                      {t("history.confirmYes")}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                      {t("history.confirmNo")}
                    </Button>
                  </>
                ) : (
                  <Button size="sm" variant="secondary" onClick={() => setConfirming(item.id)}>
                    {t("history.cancel")}
                  </Button>
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {nextCursor ? (
        <Button variant="secondary" isBusy={isLoading} onClick={() => setCursors([...cursors, nextCursor])}>
          {t("history.more")}
        </Button>
      ) : null}
    </section>
  );
};
