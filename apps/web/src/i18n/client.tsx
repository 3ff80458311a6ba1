"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import type { Locale, Namespace } from "./config";
import { type Messages, makeErrorTranslator, makeTranslator, type Translate } from "./translator";

type I18nContext = { locale: Locale; timeZone: string; messages: Messages };

const Context = createContext<I18nContext | null>(null);

const useI18n = () => {
  const context = useContext(Context);
  if (!context) throw new Error("I18nProvider is missing");
  return context;
};

/** Gives client components the locale, its messages and the player's time zone (set by the root layout). */
export const I18nProvider = ({ locale, timeZone, messages, children }: I18nContext & { children: ReactNode }) => {
  const value = useMemo(() => ({ locale, timeZone, messages }), [locale, timeZone, messages]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
};

export const useLocale = () => {
  const { locale, timeZone } = useI18n();
  return { locale, timeZone };
};

/** `t` for a client component. */
export const useT = (namespace: Namespace): Translate => {
  const { locale, messages } = useI18n();
  return useMemo(() => makeTranslator(locale, namespace, messages), [locale, namespace, messages]);
};

/** The domain code a tRPC error carries (`data.domainCode`), if any. */
export const domainCodeOf = (error: unknown): string | undefined =>
  (error as { data?: { domainCode?: string } } | null)?.data?.domainCode ?? undefined;

/** Turns any caught error into a translated message, by its domain code. */
export const useErrorMessage = () => {
  const { locale, messages } = useI18n();
  return useMemo(() => {
    const translate = makeErrorTranslator(locale, messages);
    return (error: unknown) => translate(domainCodeOf(error));
  }, [locale, messages]);
};
