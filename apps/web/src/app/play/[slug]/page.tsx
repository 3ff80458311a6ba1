import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { DiceGame } from "~/components/games/dice";
import { FairnessPanel } from "~/components/games/fairness-panel";
import { LimboGame } from "~/components/games/limbo";
import { MinesGame } from "~/components/games/mines";
import { RouletteGame } from "~/components/games/roulette";
import { SlotGame } from "~/components/games/slot";
import { RoundHistory } from "~/components/round-history";
import { getT } from "~/i18n/server";
import { isPlayableGame, type PlayableGame } from "~/lib/games";
import { requirePlayer } from "~/lib/require-player";

const screens: Record<PlayableGame, () => React.JSX.Element> = {
  dice: DiceGame,
  roulette: RouletteGame,
  limbo: LimboGame,
  mines: MinesGame,
  "fruit-five": SlotGame,
};

type Props = { params: Promise<{ slug: string }> };

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const { slug } = await params;
  const t = await getT("games");
  return { title: t.has(`name.${slug}`) ? t(`name.${slug}`) : slug };
};

/** A game screen: bet controls and result on the start side, the provably-fair panel beside them. */
export default async function PlayPage({ params }: Props) {
  const { slug } = await params;
  const t = await getT("games");
  if (!isPlayableGame(slug)) {
    if (!t.has(`name.${slug}`)) notFound();
    // Studio games are played in the studio's own frame, launched through the seamless-wallet bridge.
    redirect(`/play/studio/${slug}`);
  }
  await requirePlayer(`/play/${slug}`);
  const Screen = screens[slug];
  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-bold text-2xl">{t(`name.${slug}`)}</h1>
      <div className="grid gap-6 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div data-testid="game-screen">
          <Screen />
        </div>
        <FairnessPanel game={slug} />
      </div>
      <RoundHistory />
    </div>
  );
}
