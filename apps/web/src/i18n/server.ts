import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { catalogs } from "./catalogs";
import { defaultLocale, isLocale, type Locale, localeCookie, type Namespace, negotiateLocale } from "./config";
import { makeErrorTranslator, makeTranslator } from "./translator";

/** The request's locale: the switcher's cookie, else the browser's Accept-Language, else English. */
export const getLocale = cache(async (): Promise<Locale> => {
  const chosen = (await cookies()).get(localeCookie)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
});

/** `t` for a Server Component. */
export const getT = async (namespace: Namespace) => {
  const locale = await getLocale();
  return makeTranslator(locale, namespace, catalogs[locale], catalogs[defaultLocale]);
};

export const getErrorT = async () => {
  const locale = await getLocale();
  return makeErrorTranslator(locale, catalogs[locale]);
};

/** The locale's catalogs, handed to the client provider (only this locale ships to the browser). */
export const getMessages = async () => catalogs[await getLocale()];
