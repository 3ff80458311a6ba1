"use client";

import { Button } from "@pitboss/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useLocale, useT } from "~/i18n/client";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { useMoney } from "./player-context";

const accountTypes = ["CASH", "BONUS", "WITHDRAWAL_PENDING"] as const;
const kinds = [
  "DEPOSIT",
  "BET",
  "WIN",
  "ROLLBACK",
  "WITHDRAWAL_HOLD",
  "WITHDRAWAL_PAYOUT",
  "WITHDRAWAL_RELEASE",
  "BONUS_GRANT",
  "ADJUSTMENT",
  "REVERSAL",
] as const;
type Filters = { type: (typeof accountTypes)[number]; kind: string; from: string; to: string };

const control = "rounded-md border border-felt-700 bg-felt-950 px-2 py-1.5 text-sm text-ink";

/** The statement with filters (account, kind, date range), paged by cursor, and the same selection as CSV. */
export const Transactions = () => {
  const t = useT("wallet");
  const { locale, timeZone } = useLocale();
  const money = useMoney();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({ type: "CASH", kind: "", from: "", to: "" });
  const input = {
    type: filters.type,
    ...(filters.kind ? { kinds: [filters.kind as (typeof kinds)[number]] } : {}),
    ...(filters.from ? { from: new Date(`${filters.from}T00:00:00`) } : {}),
    ...(filters.to ? { to: new Date(new Date(`${filters.to}T00:00:00`).getTime() + 86_400_000) } : {}),
  };
  const query = useInfiniteQuery(
    trpc.wallet.transactions.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const csvHref = `/wallet/transactions.csv?${new URLSearchParams({
    type: input.type,
    ...(input.kinds ? { kind: input.kinds[0] as string } : {}),
    ...(input.from ? { from: input.from.toISOString() } : {}),
    ...(input.to ? { to: input.to.toISOString() } : {}),
  })}`;

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFilters({
      type: (form.get("type") as Filters["type"]) ?? "CASH",
      kind: String(form.get("kind") ?? ""),
      from: String(form.get("from") ?? ""),
      to: String(form.get("to") ?? ""),
    });
  };

  return (
    <section aria-labelledby="tx-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="tx-title" className="font-semibold text-lg">
          {t("tx.title")}
        </h2>
        <a href={csvHref} download className="text-sm underline" data-testid="csv-export">
          {t("tx.export")}
        </a>
      </div>
      <form onSubmit={onFilter} className="flex flex-wrap items-end gap-2" aria-label={t("tx.filters")}>
        <label className="flex flex-col gap-1 text-muted text-xs">
          {t("tx.account")}
          <select name="type" defaultValue={filters.type} className={control}>
            {accountTypes.map((type) => (
              <option key={type} value={type}>
                {t(`account.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-muted text-xs">
          {t("tx.kind")}
          <select name="kind" defaultValue={filters.kind} className={control} data-testid="tx-kind">
            <option value="">{t("tx.allKinds")}</option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-muted text-xs">
          {t("tx.from")}
          <input type="date" name="from" defaultValue={filters.from} className={control} />
        </label>
        <label className="flex flex-col gap-1 text-muted text-xs">
          {t("tx.to")}
          <input type="date" name="to" defaultValue={filters.to} className={control} />
        </label>
        <Button type="submit" variant="secondary" className="py-2">
          {t("tx.apply")}
        </Button>
      </form>
      {items.length === 0 && !query.isPending ? (
        <p className="text-muted text-sm">{t("tx.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="transactions">
            <thead className="text-start text-muted text-xs">
              <tr>
                <th scope="col" className="py-1 text-start font-medium">
                  {t("tx.col.time")}
                </th>
                <th scope="col" className="py-1 text-start font-medium">
                  {t("tx.col.kind")}
                </th>
                <th scope="col" className="py-1 text-end font-medium">
                  {t("tx.col.amount")}
                </th>
                <th scope="col" className="py-1 text-end font-medium">
                  {t("tx.col.balance")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={String(item.postingId)} className="border-felt-700 border-t">
                  <td className="py-1.5 pe-2">{formatDateTime(item.createdAt, locale, timeZone)}</td>
                  <td className="py-1.5 pe-2">{t(`kind.${item.kind}`)}</td>
                  <td className={`py-1.5 text-end tabular-nums ${item.amountMinor < 0n ? "" : "text-emerald-300"}`}>
                    <bdi>{money(item.amountMinor, { signDisplay: "exceptZero" })}</bdi>
                  </td>
                  <td className="py-1.5 text-end tabular-nums">
                    <bdi>{item.balanceAfter === null ? "" : money(item.balanceAfter)}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {query.hasNextPage ? (
        <Button variant="secondary" isBusy={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {t("tx.more")}
        </Button>
      ) : null}
    </section>
  );
};
