"use client";

import { useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useErrorMessage, useLocale } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";

/**
 * Opens a studio game: `studio.launch` creates a fresh game session and returns the studio's URL, shown in a
 * sandboxed iframe (the page's CSP allows frames only from STUDIO_ORIGINS). Launched once per mount.
 */
export const StudioFrame = ({ slug, title }: { slug: string; title: string }) => {
  const trpc = useTRPC();
  const refetchAfterWrite = useRefetchAfterWrite();
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const launch = useMutation(trpc.studio.launch.mutationOptions());
  const hasLaunched = useRef(false);
  const { mutate } = launch;

  useEffect(() => {
    if (hasLaunched.current) return;
    hasLaunched.current = true;
    mutate({ slug, locale });
  }, [mutate, slug, locale]);

  // The studio moves money through our wallet: refresh the balance chip when its frame says the balance changed
  // (a message from the studio's origin, carrying no data) and when the player comes back to the page.
  const studioOrigin = launch.data?.origin;
  useEffect(() => {
    const refresh = () => void refetchAfterWrite(trpc.wallet.pathKey());
    const onMessage = (event: MessageEvent) => {
      if (event.origin === studioOrigin && event.data?.type === "pitboss:balance-changed") refresh();
    };
    window.addEventListener("focus", refresh);
    window.addEventListener("message", onMessage);
    return () => {
      window.removeEventListener("focus", refresh);
      window.removeEventListener("message", onMessage);
    };
  }, [refetchAfterWrite, trpc, studioOrigin]);

  if (launch.error) {
    return (
      <p role="alert" className="rounded-xl bg-felt-900 p-4 text-ink ring-1 ring-felt-700">
        {errorMessage(launch.error)}
      </p>
    );
  }
  if (!launch.data)
    return <div className="aspect-video w-full animate-pulse rounded-xl bg-felt-900" aria-busy="true" />;
  return (
    <iframe
      src={launch.data.url}
      title={title}
      data-testid="studio-frame"
      className="aspect-video w-full rounded-xl border-0 bg-felt-900"
      allow="fullscreen; autoplay"
      sandbox="allow-scripts allow-same-origin allow-forms"
      referrerPolicy="no-referrer"
    />
  );
};
