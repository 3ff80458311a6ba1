import { Suspense } from "react";
import { PaymentSearch } from "~/components/payment-search";

export default function PaymentsPage() {
  return (
    <Suspense>
      <PaymentSearch />
    </Suspense>
  );
}
