import { Card } from "@pitboss/ui";
import type { Metadata } from "next";
import { ForgotPasswordForm } from "~/components/token-forms";
import { getT } from "~/i18n/server";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getT("auth"))("forgot.title") });

export default async function Page() {
  const t = await getT("auth");
  return (
    <div className="mx-auto max-w-sm">
      <Card>
        <h1 className="mb-3 font-bold text-xl">{t("forgot.title")}</h1>
        <ForgotPasswordForm />
      </Card>
    </div>
  );
}
