import { Card, PageShell, Stat } from "@pitboss/ui";
import { api } from "~/trpc/server";

export const dynamic = "force-dynamic";

export default async function BackOfficeHome() {
  const overview = await api().system.overview();
  return (
    <PageShell brand="Pitboss Back Office">
      <Card title="Platform">
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <Stat label="Players" value={overview.players} testId="stat-players" />
          <Stat label="Staff" value={overview.staff} testId="stat-staff" />
          <Stat label="Games" value={overview.games} testId="stat-games" />
        </dl>
      </Card>
    </PageShell>
  );
}
