import { Card, DescriptionList } from "@pitboss/ui";
import type { Metadata } from "next";
import { signOutAction, signOutEverywhereAction } from "~/app/actions";
import { getLocale, getT } from "~/i18n/server";
import { formatDateTime } from "~/lib/format";
import { requirePlayer } from "~/lib/require-player";
import { playerApi } from "~/trpc/server";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getT("account"))("title") });

export default async function AccountPage() {
  await requirePlayer("/account");
  const [t, locale, account] = await Promise.all([getT("account"), getLocale(), (await playerApi()).account.me()]);
  const region = new Intl.DisplayNames([locale], { type: "region" });
  const language = new Intl.DisplayNames([locale], { type: "language" });
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="font-bold text-2xl">{t("title")}</h1>
      <Card>
        <DescriptionList
          items={[
            { label: t("displayName"), value: account.displayName },
            { label: t("email"), value: <bdi>{account.email}</bdi> },
            { label: t("emailStatus"), value: account.isEmailVerified ? t("verified") : t("notVerified") },
            { label: t("country"), value: region.of(account.country) ?? account.country },
            { label: t("currency"), value: account.currency },
            { label: t("language"), value: language.of(account.locale) ?? account.locale },
            { label: t("timeZone"), value: account.timeZone },
            { label: t("memberSince"), value: formatDateTime(account.createdAt, locale, account.timeZone) },
          ]}
        />
      </Card>
      <Card title={t("sessions.title")}>
        <p className="mb-3 text-muted text-sm">{t("sessions.body")}</p>
        <div className="flex flex-wrap gap-2">
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-felt-700 px-3 py-1.5 text-sm">
              {t("signOut")}
            </button>
          </form>
          <form action={signOutEverywhereAction}>
            <button
              type="submit"
              className="rounded-md bg-danger px-3 py-1.5 font-medium text-ink text-sm"
              data-testid="sign-out-everywhere"
            >
              {t("signOutEverywhere")}
            </button>
          </form>
        </div>
      </Card>
    </div>
  );
}
