"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "~/app/actions";
import { useLocale, useT } from "~/i18n/client";
import { locales } from "~/i18n/config";

/** Each language named in itself (Intl), so a visitor finds theirs whatever the page's language. */
const nativeName = (code: string) => new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;

export const LanguageSwitcher = () => {
  const t = useT("common");
  const { locale } = useLocale();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">{t("language.label")}</span>
      <select
        value={locale}
        disabled={isPending}
        data-testid="language-switcher"
        aria-label={t("language.label")}
        className="rounded-md border border-felt-700 bg-felt-950 px-1.5 py-1 text-ink"
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await setLocaleAction(next);
            navigator.serviceWorker?.controller?.postMessage({ type: "CACHE_OFFLINE", locale: next });
            router.refresh();
          });
        }}
      >
        {locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {nativeName(code)}
          </option>
        ))}
      </select>
    </label>
  );
};
