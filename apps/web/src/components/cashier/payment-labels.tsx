"use client";

import { Badge, paymentStatusTone } from "@pitboss/ui";
import { useT } from "~/i18n/client";

/** Statuses after which nothing more happens to a payment (the screens stop polling). */
const finalStatuses = new Set(["COMPLETED", "FAILED", "EXPIRED", "PAID", "REJECTED", "CANCELLED"]);
export const isFinalStatus = (status: string | undefined) => status !== undefined && finalStatuses.has(status);

export const PaymentStatusBadge = ({ status, testId }: { status: string; testId?: string }) => {
  const t = useT("cashier");
  return (
    <Badge tone={paymentStatusTone(status)} testId={testId}>
      {t.has(`status.${status}`) ? t(`status.${status}`) : status}
    </Badge>
  );
};

/** A reason code (CARD_DECLINED, ABOVE_AUTO_APPROVAL, …) in the player's language; unknown codes as themselves. */
export const useReasonText = () => {
  const t = useT("cashier");
  return (code: string | null | undefined) =>
    code ? (t.has(`reason.${code}`) ? t(`reason.${code}`) : t("reasonCode", { code })) : null;
};
