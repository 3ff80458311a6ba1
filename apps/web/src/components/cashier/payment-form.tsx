"use client";

import { feeFor } from "@pitboss/api/client";
import { Button, Notice, TextField, useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { useErrorMessage, useLocale, useT } from "~/i18n/client";
import { newIdempotencyKey } from "~/lib/format";
import { minorToInput, parseStakeToMinor } from "~/lib/stake";
import { useTRPC } from "~/trpc/react";
import { useMoney, usePlayer } from "../player-context";
import { PaymentStatusBadge, useReasonText } from "./payment-labels";

type Direction = "DEPOSIT" | "WITHDRAWAL";

/** Basis points as a percentage in the locale (150 → "1.5%"), from an exact decimal string. */
const formatBps = (bps: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(
    `${Math.trunc(bps / 10_000)}.${String(bps % 10_000).padStart(4, "0")}` as Intl.StringNumericLiteral,
  );

/**
 * One direction of the cashier: the methods that apply to the player (radio cards with limits and fees), the
 * amount, then either the provider's page (deposit) or the withdrawal request with its status and reason.
 */
export const PaymentForm = ({ direction }: { direction: Direction }) => {
  const t = useT("cashier");
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const reasonText = useReasonText();
  const money = useMoney();
  const { player } = usePlayer();
  const currency = player?.currency ?? "EUR";
  const exponent = player?.currencyExponent ?? 2;
  const trpc = useTRPC();
  const refetchAfterWrite = useRefetchAfterWrite();
  const amountId = useId();
  const methods = useQuery(trpc.cashier.methods.queryOptions({ direction, currency }));
  const summary = useQuery(trpc.wallet.summary.queryOptions());
  const [chosen, setChosen] = useState<string | null>(null);
  const [amount, setAmount] = useState("");
  const [isTouched, setIsTouched] = useState(false);
  // One key per intended payment: a double submit or a retry of the same form creates one payment.
  const key = useRef({ input: "", value: newIdempotencyKey() });

  const selected = methods.data?.find((m) => m.method === chosen) ?? methods.data?.[0];
  const amountMinor = parseStakeToMinor(amount, exponent);
  const amountError =
    amount.trim() === "" || amountMinor === null
      ? t("amount.invalid", { decimals: exponent })
      : selected && (amountMinor < selected.minMinor || amountMinor > selected.maxMinor)
        ? t("amount.outOfRange", { min: money(selected.minMinor), max: money(selected.maxMinor) })
        : null;

  const refresh = () => refetchAfterWrite(trpc.cashier.pathKey(), trpc.wallet.pathKey());
  const deposit = useMutation(
    trpc.cashier.deposit.mutationOptions({
      onSuccess: (result) => {
        if (result.payment.status === "FAILED") void refresh();
        else window.location.assign(result.redirectUrl);
      },
    }),
  );
  const withdraw = useMutation(trpc.cashier.withdraw.mutationOptions({ onSuccess: () => void refresh() }));
  const mutation = direction === "DEPOSIT" ? deposit : withdraw;
  const result = direction === "DEPOSIT" ? deposit.data?.payment : withdraw.data;

  const feeText = (method: { feeFixedMinor: bigint; feeBps: number }) => {
    const fixed = money(method.feeFixedMinor);
    const percent = formatBps(method.feeBps, locale);
    if (method.feeFixedMinor > 0n && method.feeBps > 0) return t("method.fee", { fixed, percent });
    if (method.feeFixedMinor > 0n) return t("method.feeFixed", { fixed });
    if (method.feeBps > 0) return t("method.feePercent", { percent });
    return t("method.noFee");
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setIsTouched(true);
    if (!selected || amountError || amountMinor === null) return;
    // The API takes a plain decimal ("100.00") whatever separator the player typed.
    const decimal = minorToInput(amountMinor, exponent);
    const input = `${selected.method}|${decimal}`;
    if (key.current.input !== input) key.current = { input, value: newIdempotencyKey() };
    const command = { method: selected.method, amount: decimal, currency, idempotencyKey: key.current.value };
    if (direction === "DEPOSIT") deposit.mutate(command);
    else withdraw.mutate(command, { onSuccess: () => setAmount("") });
  };

  if (methods.data?.length === 0) return <p className="text-muted text-sm">{t("method.none")}</p>;
  const fee = selected && amountMinor !== null ? feeFor(selected, amountMinor) : null;
  const isRedirecting = direction === "DEPOSIT" && deposit.isSuccess && deposit.data.payment.status !== "FAILED";

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid={`cashier-form-${direction}`}>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 font-medium text-muted text-xs uppercase tracking-wide">{t("method.legend")}</legend>
        {methods.isPending ? <p className="text-muted text-sm">{t("loading")}</p> : null}
        {methods.data?.map((method) => (
          <label
            key={method.method}
            className="flex cursor-pointer items-start gap-3 rounded-xl bg-felt-950 px-3 py-2.5 ring-1 ring-felt-700 has-[:checked]:ring-2 has-[:checked]:ring-chip-400"
          >
            <input
              type="radio"
              name={`method-${direction}`}
              value={method.method}
              checked={selected?.method === method.method}
              onChange={() => setChosen(method.method)}
              className="mt-1 size-4 accent-chip-500"
            />
            <span className="flex flex-col gap-0.5">
              <span className="font-semibold">{t(`method.${method.method}`)}</span>
              <span className="text-muted text-xs">
                {t("method.limits", { min: money(method.minMinor), max: money(method.maxMinor) })}
                {" · "}
                {feeText(method)}
                {method.dailyCountRemaining === null
                  ? null
                  : ` · ${t("method.remaining", { count: method.dailyCountRemaining })}`}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {direction === "WITHDRAWAL" && summary.data ? (
        <p className="text-sm" data-testid="withdrawable">
          {t("withdraw.available", { amount: money(summary.data.cashMinor) })}
        </p>
      ) : null}
      <TextField
        id={amountId}
        label={t("amount.label", { currency })}
        hint={selected ? t("amount.hint", { min: money(selected.minMinor), max: money(selected.maxMinor) }) : undefined}
        error={isTouched && amountError ? amountError : undefined}
        inputMode="decimal"
        autoComplete="off"
        dir="ltr"
        placeholder={selected ? minorToInput(selected.minMinor, exponent) : undefined}
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        onBlur={() => setIsTouched(amount.trim() !== "")}
      />
      {fee !== null && fee > 0n ? (
        <p className="text-muted text-sm" data-testid="cashier-fee">
          {t("fee.summary", { fee: money(fee) })}
        </p>
      ) : null}
      {mutation.error ? <Notice tone="danger">{errorMessage(mutation.error)}</Notice> : null}
      {result && (direction === "WITHDRAWAL" || result.status === "FAILED") ? (
        <Notice
          tone={result.status === "FAILED" || result.status === "REJECTED" ? "danger" : "success"}
          testId="cashier-result"
        >
          <span className="flex flex-wrap items-center gap-2">
            {direction === "DEPOSIT"
              ? t("deposit.result", { amount: money(result.amountMinor) })
              : t("withdraw.result", { amount: money(result.amountMinor) })}
            <PaymentStatusBadge status={result.status} />
          </span>
          {result.reasonCode ? <span className="block text-muted text-xs">{reasonText(result.reasonCode)}</span> : null}
        </Notice>
      ) : null}
      <p className="text-muted text-xs">{direction === "DEPOSIT" ? t("deposit.note") : t("withdraw.note")}</p>
      <Button
        type="submit"
        className="py-2.5 text-base"
        isBusy={mutation.isPending || isRedirecting}
        disabled={!selected}
        data-testid={`cashier-submit-${direction}`}
      >
        {isRedirecting
          ? t("deposit.redirecting")
          : direction === "DEPOSIT"
            ? t("deposit.submit")
            : t("withdraw.submit")}
      </Button>
    </form>
  );
};
