"use client";

import { GameArt, GameTile, useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
import { useLocale, useT } from "~/i18n/client";
import { formatPercent } from "~/lib/format";
import { artKindOf, gameHref } from "~/lib/games";
import { useTRPC } from "~/trpc/react";

type Game = { slug: string; name: string; provider: string; category: string; rtpBps: number };
type Catalog = { games: Game[]; categories: string[]; providers: string[] };

const chip =
  "shrink-0 rounded-full px-3 py-1 text-sm ring-1 ring-felt-700 aria-pressed:bg-chip-500 aria-pressed:font-semibold aria-pressed:text-felt-950";

/** The lobby: search, category chips, provider filter; favourites and recently played for a signed-in player. */
export const Lobby = ({ catalog, isSignedIn }: { catalog: Catalog; isSignedIn: boolean }) => {
  const t = useT("lobby");
  const tg = useT("games");
  const { locale } = useLocale();
  const trpc = useTRPC();
  const refetchAfterWrite = useRefetchAfterWrite();
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState<string | null>(null);
  const [provider, setProvider] = useState("");
  const query = useDeferredValue(search.trim().toLocaleLowerCase(locale));

  const personal = useQuery({ ...trpc.lobby.personal.queryOptions(), enabled: isSignedIn });
  const toggle = useMutation(
    trpc.lobby.toggleFavourite.mutationOptions({
      onSuccess: () => refetchAfterWrite(trpc.lobby.personal.queryKey()),
    }),
  );

  const nameOf = (game: Game) => {
    return tg.has(`name.${game.slug}`) ? tg(`name.${game.slug}`) : game.name;
  };
  const bySlug = useMemo(() => new Map(catalog.games.map((g) => [g.slug, g])), [catalog.games]);
  const favourites = new Set(personal.data?.favourites ?? []);

  const visible = catalog.games.filter(
    (game) =>
      (!category || game.category === category) &&
      (!provider || game.provider === provider) &&
      (!query || nameOf(game).toLocaleLowerCase(locale).includes(query) || game.slug.includes(query)),
  );

  const tile = (game: Game, section: string) => {
    const name = nameOf(game);
    const isFavourite = favourites.has(game.slug);
    return (
      <GameTile
        key={`${section}-${game.slug}`}
        href={gameHref(game.slug)}
        testId={`tile-${section}-${game.slug}`}
        name={name}
        meta={t("rtp", { value: formatPercent(game.rtpBps / 10_000, locale) })}
        art={<GameArt seed={game.slug} kind={artKindOf(game.slug, game.category)} />}
        action={
          isSignedIn ? (
            <button
              type="button"
              aria-pressed={isFavourite}
              aria-label={t(isFavourite ? "favourite.remove" : "favourite.add", { name })}
              onClick={() => toggle.mutate({ slug: game.slug })}
              className="grid size-8 place-items-center rounded-full bg-felt-950/80 text-lg text-chip-400"
            >
              <span aria-hidden="true">{isFavourite ? "★" : "☆"}</span>
            </button>
          ) : undefined
        }
      />
    );
  };

  const section = (title: string, slugs: string[], id: string) => {
    const games = slugs.flatMap((slug) => bySlug.get(slug) ?? []);
    if (games.length === 0) return null;
    return (
      <section aria-labelledby={`${id}-title`} className="mb-6" data-testid={`section-${id}`}>
        <h2 id={`${id}-title`} className="mb-2 font-semibold text-lg">
          {title}
        </h2>
        <ul className="flex snap-x gap-3 overflow-x-auto pb-2 [&>li]:w-36 [&>li]:shrink-0">
          {games.map((g) => tile(g, id))}
        </ul>
      </section>
    );
  };

  return (
    <div>
      <h1 className="mb-4 font-bold text-2xl">{t("title")}</h1>
      {isSignedIn ? (
        <>
          {section(t("favourites.title"), personal.data?.favourites ?? [], "favourites")}
          {section(t("recent.title"), personal.data?.recentlyPlayed ?? [], "recent")}
        </>
      ) : null}
      <div className="mb-3 flex flex-wrap items-end gap-3">
        <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
          <span className="text-muted">{t("search.label")}</span>
          <input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t("search.placeholder")}
            className="rounded-md border border-felt-700 bg-felt-900 px-3 py-2 text-ink"
            data-testid="lobby-search"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted">{t("provider.label")}</span>
          <select
            value={provider}
            onChange={(event) => setProvider(event.target.value)}
            className="rounded-md border border-felt-700 bg-felt-900 px-2 py-2 text-ink"
            data-testid="provider-filter"
          >
            <option value="">{t("provider.all")}</option>
            {catalog.providers.map((p) => (
              <option key={p} value={p}>
                {t.has(`provider.${p}`) ? t(`provider.${p}`) : p}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="mb-4 flex gap-2 overflow-x-auto pb-1">
        <legend className="sr-only">{t("category.label")}</legend>
        <button type="button" className={chip} aria-pressed={category === null} onClick={() => setCategory(null)}>
          {t("category.all")}
        </button>
        {catalog.categories.map((c) => (
          <button key={c} type="button" className={chip} aria-pressed={category === c} onClick={() => setCategory(c)}>
            {t.has(`category.${c}`) ? t(`category.${c}`) : c}
          </button>
        ))}
      </fieldset>
      <h2 className="mb-2 font-semibold text-lg">{t("all.title")}</h2>
      <p className="sr-only" role="status">
        {t("results", { count: visible.length })}
      </p>
      {visible.length === 0 ? (
        <p className="text-muted">{t("empty")}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-5" data-testid="game-list">
          {visible.map((g) => tile(g, "all"))}
        </ul>
      )}
    </div>
  );
};
