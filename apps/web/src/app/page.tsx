import { Card, PageShell } from "@pitboss/ui";
import { api } from "~/trpc/server";

export const dynamic = "force-dynamic";

export default async function LobbyPage() {
  const games = await api().catalog.list();
  return (
    <PageShell brand="Pitboss">
      <Card title="Games">
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="game-list">
          {games.map((game) => (
            <li key={game.id} className="rounded-xl bg-felt-950 p-3">
              <div className="font-medium">{game.name}</div>
              <div className="text-muted text-xs">RTP {(game.rtpBps / 100).toFixed(2)}%</div>
            </li>
          ))}
        </ul>
      </Card>
    </PageShell>
  );
}
