import type { Metadata } from "next";
import { CashierTabs } from "~/components/cashier/cashier-tabs";
import { PaymentHistory } from "~/components/cashier/payment-history";
import { getT } from "~/i18n/server";
import { requirePlayer } from "~/lib/require-player";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getT("cashier"))("title") });

/** Deposits and withdrawals through the payment providers, and the player's payment history with reasons. */
export default async function CashierPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  await requirePlayer("/cashier");
  const [t, { tab }] = await Promise.all([getT("cashier"), searchParams]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="font-bold text-2xl">{t("title")}</h1>
      <CashierTabs initialTab={tab === "withdraw" ? "withdraw" : "deposit"} />
      <PaymentHistory />
    </div>
  );
}
