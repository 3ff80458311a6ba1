import { AdjustmentQueue } from "~/components/adjustment-queue";

export default function AdjustmentsPage() {
  return <AdjustmentQueue />;
}
