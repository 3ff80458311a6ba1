import { Suspense } from "react";
import { Reconciliation } from "~/components/reconciliation";

export default function ReconciliationPage() {
  return (
    <Suspense>
      <Reconciliation />
    </Suspense>
  );
}
