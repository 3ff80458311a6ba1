"use client";

import { Button } from "@pitboss/ui";
import { useEffect, useRef, useState } from "react";
import { useLocale, useT } from "~/i18n/client";

/**
 * Registers public/sw.js (production builds), keeps its offline page in the current language, and offers a
 * reload when a new version of the site has been installed in the background.
 */
export const ServiceWorker = () => {
  const t = useT("common");
  const { locale } = useLocale();
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  const updateRequested = useRef(false);

  useEffect(() => {
    if (!("serviceWorker" in navigator) || process.env.NODE_ENV !== "production") return;
    // Only the player's "reload" on the update prompt swaps workers under a page (the first install's
    // clients.claim() must not reload anything).
    const onControllerChange = () => {
      if (!updateRequested.current) return;
      updateRequested.current = false;
      window.location.reload();
    };
    // Registered once the page has loaded: installing the worker (precache, offline page) never competes with the
    // first paint and hydration.
    const register = () =>
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).then((registration) => {
        const cacheOffline = () =>
          (registration.active ?? registration.waiting ?? registration.installing)?.postMessage({
            type: "CACHE_OFFLINE",
            locale,
          });
        void navigator.serviceWorker.ready.then(() =>
          registration.active?.postMessage({ type: "CACHE_OFFLINE", locale }),
        );
        if (registration.waiting && navigator.serviceWorker.controller) setWaiting(registration.waiting);
        registration.addEventListener("updatefound", () => {
          const installing = registration.installing;
          installing?.addEventListener("statechange", () => {
            if (installing.state === "installed" && navigator.serviceWorker.controller) setWaiting(installing);
            if (installing.state === "activated") cacheOffline();
          });
        });
        navigator.serviceWorker.addEventListener("controllerchange", onControllerChange);
      });
    const onLoad = () => void register();
    if (document.readyState === "complete") onLoad();
    else window.addEventListener("load", onLoad, { once: true });
    return () => {
      window.removeEventListener("load", onLoad);
      navigator.serviceWorker.removeEventListener("controllerchange", onControllerChange);
    };
  }, [locale]);

  if (!waiting) return null;
  return (
    <div
      role="status"
      className="fixed inset-x-2 bottom-2 z-50 mx-auto flex max-w-md items-center justify-between gap-3 rounded-lg bg-felt-900 p-3 text-sm shadow-lg ring-1 ring-chip-500"
      data-testid="update-prompt"
    >
      <span>{t("pwa.updateReady")}</span>
      <Button
        size="sm"
        onClick={() => {
          updateRequested.current = true;
          waiting.postMessage({ type: "SKIP_WAITING" });
        }}
      >
        {t("pwa.reload")}
      </Button>
    </div>
  );
};
