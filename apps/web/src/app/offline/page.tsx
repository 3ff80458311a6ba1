import type { Metadata } from "next";
import { getT } from "~/i18n/server";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getT("common"))("offline.title") });

/**
 * What the service worker shows when a page cannot be reached. It holds nothing personal: the worker fetches it
 * without cookies (in the visitor's language via ?lang=) and keeps that copy.
 */
export default async function OfflinePage() {
  const t = await getT("common");
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-10 text-center" data-testid="offline-page">
      <svg
        viewBox="0 0 24 24"
        className="size-16 text-chip-400"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      >
        <path d="M3 3l18 18M8.5 16.5a5 5 0 017 0M5 12.9a10 10 0 0114 0M2 9a15 15 0 0120 0" />
      </svg>
      <h1 className="font-bold text-2xl">{t("offline.title")}</h1>
      <p className="text-muted">{t("offline.body")}</p>
      <a href="/" className="rounded-md bg-chip-500 px-4 py-2 font-semibold text-felt-950">
        {t("offline.retry")}
      </a>
    </div>
  );
}
