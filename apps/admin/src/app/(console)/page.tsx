import { Card, DataTable, Stat } from "@pitboss/ui";
import Link from "next/link";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { formatDateTime, formatMinor } from "~/lib/money";
import { api, requireStaff } from "~/trpc/server";

export const dynamic = "force-dynamic";

/** Today's figures and the work queues of the signed-in role. */
export default async function HomePage() {
  await requireStaff();
  const home = await (await api()).admin.home.get();
  const queues = [
    {
      count: home.queues.pendingAdjustments,
      label: en.home.pendingAdjustments,
      href: "/adjustments",
      testId: "queue-adjustments",
    },
    {
      count: home.queues.pendingRoleRequests,
      label: en.home.pendingRoleRequests,
      href: "/staff",
      testId: "queue-role-requests",
    },
  ].filter((queue) => queue.count !== null);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card title={en.home.title} className="lg:col-span-2">
        <p className="mb-2 text-muted text-xs">{format(en.home.dayNote, { day: formatDateTime(home.day) })}</p>
        <DataTable
          testId="home-figures"
          rows={home.figures}
          rowKey={(row) => row.currency}
          empty={en.home.noMoney}
          columns={[
            { key: "currency", header: en.home.currency, render: (row) => row.currency },
            {
              key: "deposits",
              header: en.home.deposits,
              align: "end",
              render: (row) =>
                `${formatMinor(row.deposits.amountMinor, row.currency, row.exponent)} (${row.deposits.count})`,
            },
            {
              key: "withdrawals",
              header: en.home.withdrawals,
              align: "end",
              render: (row) =>
                `${formatMinor(row.withdrawals.amountMinor, row.currency, row.exponent)} (${row.withdrawals.count})`,
            },
            {
              key: "ggr",
              header: en.home.ggr,
              align: "end",
              render: (row) => formatMinor(row.ggrMinor, row.currency, row.exponent),
            },
          ]}
        />
      </Card>
      <div className="flex flex-col gap-4">
        <dl>
          <Stat label={en.home.activePlayers} value={home.activePlayers} testId="stat-active-players" />
        </dl>
        <Card title={en.home.queues}>
          {queues.length === 0 ? (
            <p className="text-muted text-sm">{en.home.noQueues}</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {queues.map((queue) => (
                <li key={queue.href} className="flex items-center justify-between gap-2">
                  <span>{queue.label}</span>
                  <Link
                    href={queue.href}
                    data-testid={queue.testId}
                    className="font-semibold text-chip-400 tabular-nums hover:underline"
                  >
                    {queue.count}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
