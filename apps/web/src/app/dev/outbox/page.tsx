import { isDemoMode } from "@pitboss/api";
import { Card } from "@pitboss/ui";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getT } from "~/i18n/server";
import { formatDateTime } from "~/lib/format";
import { api } from "~/trpc/server";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getT("common"))("outbox.title") });

/** Demo only: the mails the platform "sent" (no SMTP configured), with their links, newest first. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!isDemoMode()) notFound();
  const { to } = await searchParams;
  const [t, locale, mails] = await Promise.all([
    getT("common"),
    getLocale(),
    api().demo.outbox({ to: to || undefined }),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-bold text-2xl">{t("outbox.title")}</h1>
      <p className="text-muted text-sm">{t("outbox.body")}</p>
      <form className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-muted text-xs">
          {t("outbox.filter")}
          <input
            name="to"
            type="email"
            defaultValue={to}
            className="rounded-md border border-felt-700 bg-felt-950 px-2 py-1.5 text-ink text-sm"
          />
        </label>
        <button type="submit" className="rounded-md border border-felt-700 px-3 py-1.5 text-sm">
          {t("outbox.apply")}
        </button>
      </form>
      {mails.length === 0 ? <p className="text-muted">{t("outbox.empty")}</p> : null}
      <ul className="flex flex-col gap-3" data-testid="outbox">
        {mails.map((mail) => (
          <li key={mail.id} data-testid="outbox-mail" data-to={mail.toAddress} data-template={mail.template}>
            <Card>
              <p className="text-muted text-xs">
                <bdi>{mail.toAddress}</bdi> · {formatDateTime(mail.createdAt, locale, "UTC")}
              </p>
              <h2 className="font-semibold" dir="ltr">
                {mail.subject}
              </h2>
              <pre dir="ltr" className="mt-2 whitespace-pre-wrap text-start font-sans text-sm">
                {mail.bodyText}
              </pre>
              {mail.actionPath ? (
                <a href={mail.actionPath} className="mt-2 inline-block font-semibold text-chip-400 underline">
                  {t("outbox.open")}
                </a>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
