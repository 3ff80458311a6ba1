import type { Metadata } from "next";
import { PaymentReturn } from "~/components/cashier/payment-return";
import { getT } from "~/i18n/server";
import { requirePlayer } from "~/lib/require-player";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getT("cashier"))("return.title") });

/**
 * Where the payment provider sends the browser back (`?payment=<our payment id>`). The visit itself proves
 * nothing: the page only shows what our API says, which the provider's signed webhook decides.
 */
export default async function PaymentReturnPage({ searchParams }: { searchParams: Promise<{ payment?: string }> }) {
  const { payment = "" } = await searchParams;
  await requirePlayer(`/cashier/return?payment=${encodeURIComponent(payment)}`);
  const t = await getT("cashier");
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="font-bold text-2xl">{t("return.title")}</h1>
      <PaymentReturn paymentId={payment} />
    </div>
  );
}
