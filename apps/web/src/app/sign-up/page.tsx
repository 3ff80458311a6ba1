import { signUpCountries, signUpCurrencies } from "@pitboss/api";
import { Card } from "@pitboss/ui";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentPlayer } from "~/auth";
import { SignUpForm } from "~/components/sign-up-form";
import { getT } from "~/i18n/server";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getT("auth"))("signUp.title") });

export default async function SignUpPage() {
  if (await currentPlayer()) redirect("/wallet");
  const t = await getT("auth");
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-3 font-bold text-xl">{t("signUp.title")}</h1>
        <SignUpForm countries={signUpCountries} currencies={signUpCurrencies} />
        <p className="mt-3 text-muted text-sm">
          {t("signUp.haveAccount")}{" "}
          <a className="text-ink underline" href="/sign-in">
            {t("signIn.title")}
          </a>
        </p>
      </Card>
    </div>
  );
}
