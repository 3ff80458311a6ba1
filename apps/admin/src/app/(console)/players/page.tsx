import { Suspense } from "react";
import { PlayerSearch } from "~/components/player-search";

export default function PlayersPage() {
  return (
    <Suspense>
      <PlayerSearch />
    </Suspense>
  );
}
