import { Card } from "@pitboss/ui";
import type { Metadata } from "next";
import { VerifyEmailForm } from "~/components/token-forms";
import { getT } from "~/i18n/server";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getT("auth"))("verify.title") });

export default async function Page({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getT("auth");
  return (
    <div className="mx-auto max-w-sm">
      <Card>
        <h1 className="mb-3 font-bold text-xl">{t("verify.title")}</h1>
        <VerifyEmailForm token={token ?? ""} />
      </Card>
    </div>
  );
}
