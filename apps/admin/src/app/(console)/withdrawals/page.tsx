import { WithdrawalQueue } from "~/components/withdrawal-queue";

export default function WithdrawalsPage() {
  return <WithdrawalQueue />;
}
