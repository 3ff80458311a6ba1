import "server-only";
import { redirect } from "next/navigation";
import { currentPlayer } from "~/auth";

/** Pages only a signed-in player sees send everyone else to sign in, then back here. */
export const requirePlayer = async (path: string) => {
  const player = await currentPlayer();
  if (!player) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return player;
};
