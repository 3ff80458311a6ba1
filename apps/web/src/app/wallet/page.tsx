import type { Metadata } from "next";
import { RoundHistory } from "~/components/round-history";
import { Transactions } from "~/components/transactions";
import { DemoCredits, WalletSummary } from "~/components/wallet-summary";
import { getT } from "~/i18n/server";
import { requirePlayer } from "~/lib/require-player";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getT("wallet"))("title") });

export default async function WalletPage() {
  await requirePlayer("/wallet");
  const t = await getT("wallet");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-bold text-2xl">{t("title")}</h1>
      <WalletSummary />
      <DemoCredits />
      <Transactions />
      <RoundHistory />
    </div>
  );
}
