import { Player360 } from "~/components/player-360";

export default async function PlayerPage({ params }: { params: Promise<{ playerId: string }> }) {
  const { playerId } = await params;
  return <Player360 playerId={playerId} />;
}
