import { isDemoMode } from "@pitboss/api";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { auth } from "~/auth";
import { PlayerProvider } from "~/components/player-context";
import { ServiceWorker } from "~/components/service-worker";
import { SiteHeader } from "~/components/site-header";
import { VerifyBanner } from "~/components/verify-banner";
import { I18nProvider } from "~/i18n/client";
import { directionOf } from "~/i18n/config";
import { getLocale, getMessages, getT } from "~/i18n/server";
import { TrpcReactProvider } from "~/trpc/react";
import { playerApi } from "~/trpc/server";
import "./globals.css";

export const generateMetadata = async (): Promise<Metadata> => {
  const t = await getT("common");
  return {
    title: { default: t("meta.title"), template: `%s · ${t("brand")}` },
    description: t("meta.description"),
    applicationName: t("brand"),
    icons: { icon: "/icons/icon.svg", apple: "/icons/icon-192.png" },
  };
};

export const viewport: Viewport = { themeColor: "#0f2a20", width: "device-width", initialScale: 1 };

/** Every page: `<html lang dir>` from the chosen language, the player (if any) and the providers. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const [messages, session, t] = await Promise.all([getMessages(), auth(), getT("common")]);
  const account = session ? await (await playerApi()).account.me().catch(() => null) : null;
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-dvh bg-felt-950 font-sans text-ink">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50">
          {t("skipToContent")}
        </a>
        <I18nProvider locale={locale} timeZone={account?.timeZone ?? "UTC"} messages={messages}>
          <PlayerProvider player={account} isDemo={isDemoMode()}>
            <TrpcReactProvider>
              <SiteHeader isSignedIn={account !== null} />
              {account && !account.isEmailVerified ? <VerifyBanner /> : null}
              <main id="main" className="mx-auto max-w-6xl px-4 py-5 md:px-8">
                {children}
              </main>
              <footer className="mx-auto max-w-6xl px-4 pb-8 text-muted text-xs md:px-8">
                {t("footer.responsible")}
              </footer>
              <ServiceWorker />
            </TrpcReactProvider>
          </PlayerProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
