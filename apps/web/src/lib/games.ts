/** The in-house games that have a play screen here, and the artwork kind of each catalogue category. */
export const playableGames = ["dice", "roulette", "limbo", "mines", "fruit-five"] as const;
export type PlayableGame = (typeof playableGames)[number];

export const isPlayableGame = (slug: string): slug is PlayableGame =>
  (playableGames as readonly string[]).includes(slug);

export const artKindOf = (slug: string, category: string) =>
  slug === "dice" || slug === "roulette" || slug === "limbo" || slug === "mines"
    ? slug
    : slug.includes("wheel")
      ? "wheel"
      : category === "slots"
        ? "slots"
        : "dice";

/** Where a lobby tile leads: in-house games to their play screen, studio games to the studio's frame. */
export const gameHref = (slug: string) => (isPlayableGame(slug) ? `/play/${slug}` : `/play/studio/${slug}`);
