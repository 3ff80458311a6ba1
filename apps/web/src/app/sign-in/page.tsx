import { Card } from "@pitboss/ui";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentPlayer } from "~/auth";
import { SignInForm } from "~/components/sign-in-form";
import { getT } from "~/i18n/server";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getT("auth"))("signIn.title") });

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await currentPlayer()) redirect(next ?? "/");
  const t = await getT("auth");
  return (
    <div className="mx-auto max-w-sm">
      <Card>
        <h1 className="mb-3 font-bold text-xl">{t("signIn.title")}</h1>
        <SignInForm next={next ?? "/"} />
        <p className="mt-3 text-sm">
          <a className="underline" href="/forgot-password">
            {t("signIn.forgot")}
          </a>
        </p>
        <p className="mt-1 text-muted text-sm">
          {t("signIn.noAccount")}{" "}
          <a className="text-ink underline" href="/sign-up">
            {t("signUp.title")}
          </a>
        </p>
      </Card>
    </div>
  );
}
