"use client";

import { type KeyboardEvent, useRef, useState } from "react";
import { useLocale, useT } from "~/i18n/client";
import { directionOf } from "~/i18n/config";
import { PaymentForm } from "./payment-form";

const tabs = ["deposit", "withdraw"] as const;
type Tab = (typeof tabs)[number];

/**
 * Deposit and Withdraw as an ARIA tab set: arrow keys move between tabs (mirrored right to left), the choice is kept
 * in the URL so a reload or a shared link opens the same tab.
 */
export const CashierTabs = ({ initialTab }: { initialTab: Tab }) => {
  const t = useT("cashier");
  const { locale } = useLocale();
  const [active, setActive] = useState<Tab>(initialTab);
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ deposit: null, withdraw: null });

  const select = (tab: Tab) => {
    setActive(tab);
    refs.current[tab]?.focus();
    window.history.replaceState(null, "", tab === "deposit" ? "/cashier" : "/cashier?tab=withdraw");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key as "ArrowRight" | "ArrowLeft"];
    if (step === undefined && event.key !== "Home" && event.key !== "End") return;
    event.preventDefault();
    const index = tabs.indexOf(active);
    const next =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? tabs.length - 1
          : (index + (directionOf(locale) === "rtl" ? -(step ?? 0) : (step ?? 0)) + tabs.length) % tabs.length;
    select(tabs[next] ?? "deposit");
  };

  return (
    <section className="rounded-2xl border border-felt-700 bg-felt-900 shadow-sm">
      <div role="tablist" aria-label={t("tabs.label")} className="flex border-felt-700 border-b" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              refs.current[tab] = element;
            }}
            type="button"
            role="tab"
            id={`cashier-tab-${tab}`}
            aria-selected={active === tab}
            aria-controls={`cashier-panel-${tab}`}
            tabIndex={active === tab ? 0 : -1}
            onClick={() => select(tab)}
            className={`flex-1 px-4 py-3 font-semibold outline-none focus-visible:ring-2 focus-visible:ring-chip-400 focus-visible:ring-inset ${
              active === tab ? "border-chip-400 border-b-2 text-chip-400" : "text-muted hover:text-ink"
            }`}
          >
            {t(`tabs.${tab}`)}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab}
          role="tabpanel"
          id={`cashier-panel-${tab}`}
          aria-labelledby={`cashier-tab-${tab}`}
          hidden={active !== tab}
          className="p-4"
        >
          {active === tab ? <PaymentForm direction={tab === "deposit" ? "DEPOSIT" : "WITHDRAWAL"} /> : null}
        </div>
      ))}
    </section>
  );
};
