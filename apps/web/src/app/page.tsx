import { currentPlayer } from "~/auth";
import { Lobby } from "~/components/lobby";
import { api } from "~/trpc/server";

export const dynamic = "force-dynamic";

export default async function LobbyPage() {
  const [catalog, player] = await Promise.all([api().lobby.catalog(), currentPlayer()]);
  return <Lobby catalog={catalog} isSignedIn={player !== null} />;
}
