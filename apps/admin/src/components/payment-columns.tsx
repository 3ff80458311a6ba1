import { Badge, type Column, paymentStatusTone } from "@pitboss/ui";
import Link from "next/link";
import { en } from "~/i18n/en";
import { Money } from "./money";

/** What every payment row the finance screens list carries. */
type PaymentRow = {
  id: string;
  playerId: string;
  playerEmail: string;
  amountMinor: bigint;
  currency: string;
  method: string;
  provider: string | null;
  status: string;
  reasonCode: string | null;
};

/** The columns the payment search and the withdrawal queue share, each rendered one way everywhere. */
export const paymentColumns = {
  player: {
    key: "player",
    header: en.payments.player,
    render: (row) => (
      <Link href={`/players/${row.playerId}`} className="text-chip-400 hover:underline">
        {row.playerEmail}
      </Link>
    ),
  },
  method: {
    key: "method",
    header: en.payments.method,
    render: (row) => `${en.payments.methods[row.method] ?? row.method}${row.provider ? ` · ${row.provider}` : ""}`,
  },
  amount: {
    key: "amount",
    header: en.payments.amount,
    align: "end",
    render: (row) => <Money amountMinor={row.amountMinor} currency={row.currency} />,
  },
  status: {
    key: "status",
    header: en.payments.status,
    render: (row) => <Badge tone={paymentStatusTone(row.status)}>{en.payments.statuses[row.status]}</Badge>,
  },
  reason: {
    key: "reason",
    header: en.payments.reason,
    render: (row) => (row.reasonCode ? <code className="text-xs">{row.reasonCode}</code> : ""),
  },
  id: {
    key: "id",
    header: en.payments.id,
    render: (row) => (
      <Link href={`/payments/${row.id}`} className="font-mono text-chip-400 text-xs hover:underline">
        {row.id}
      </Link>
    ),
  },
} satisfies Record<string, Column<PaymentRow>>;
