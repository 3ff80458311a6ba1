"use client";

import { Notice, useRefetchAfterWrite } from "@pitboss/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useErrorMessage, useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";
import { useMoney } from "../player-context";
import { isFinalStatus, PaymentStatusBadge, useReasonText } from "./payment-labels";

/**
 * Back from the provider: asks our API until the payment is final (every 1.5 s for a minute, then every 10 s).
 * The balance is refreshed once the deposit is credited.
 */
export const PaymentReturn = ({ paymentId }: { paymentId: string }) => {
  const t = useT("cashier");
  const errorMessage = useErrorMessage();
  const reasonText = useReasonText();
  const money = useMoney();
  const trpc = useTRPC();
  const refetchAfterWrite = useRefetchAfterWrite();
  const startedAt = useRef(Date.now());
  const payment = useQuery(
    trpc.cashier.payment.queryOptions(
      { paymentId },
      {
        enabled: paymentId !== "",
        retry: 1,
        refetchInterval: (query) =>
          isFinalStatus(query.state.data?.status) || query.state.error
            ? false
            : Date.now() - startedAt.current < 60_000
              ? 1_500
              : 10_000,
      },
    ),
  );
  const status = payment.data?.status;
  const isFinal = isFinalStatus(status);
  useEffect(() => {
    if (isFinal) void refetchAfterWrite(trpc.wallet.pathKey());
  }, [isFinal, refetchAfterWrite, trpc]);

  if (paymentId === "" || payment.error) {
    return (
      <Notice tone="danger" testId="payment-return-error">
        {payment.error ? errorMessage(payment.error) : t("return.notFound")}
      </Notice>
    );
  }
  const data = payment.data;
  return (
    <section className="flex flex-col gap-4 rounded-2xl border border-felt-700 bg-felt-900 p-4">
      <div role="status" aria-live="polite" className="flex flex-col gap-2" data-testid="payment-return">
        {data ? (
          <>
            <p className="flex flex-wrap items-center gap-2 text-lg">
              <span className="font-semibold tabular-nums">
                <bdi>{money(data.amountMinor, { currency: data.currency })}</bdi>
              </span>
              <PaymentStatusBadge status={data.status} testId="payment-status" />
            </p>
            <p data-testid="payment-outcome">
              {data.status === "COMPLETED"
                ? t("return.completed", { amount: money(data.amountMinor, { currency: data.currency }) })
                : data.status === "FAILED"
                  ? t("return.failed")
                  : data.status === "EXPIRED"
                    ? t("return.expired")
                    : t("return.pending")}
            </p>
            {data.reasonCode ? (
              <p className="text-muted text-sm" data-testid="payment-reason">
                {reasonText(data.reasonCode)}
              </p>
            ) : null}
          </>
        ) : (
          <p>{t("return.checking")}</p>
        )}
      </div>
      <div className="flex flex-wrap gap-3 text-sm">
        <a href="/cashier" className="rounded-md bg-chip-500 px-3 py-1.5 font-semibold text-felt-950 hover:bg-chip-400">
          {t("return.toCashier")}
        </a>
        {status === "COMPLETED" ? (
          <a href="/" className="rounded-md border border-felt-700 px-3 py-1.5 hover:bg-felt-700">
            {t("return.toLobby")}
          </a>
        ) : null}
      </div>
    </section>
  );
};
