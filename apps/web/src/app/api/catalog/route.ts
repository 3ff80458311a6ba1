import { createPlayerServerCaller } from "@pitboss/api";

/**
 * The public game catalogue for CDNs and the lobby: the same for everyone (no session is read), so shared caches
 * may keep it for a minute and serve it stale while they refresh.
 */
export const GET = async (request: Request) => {
  const catalog = await createPlayerServerCaller({ player: null, headers: request.headers }).lobby.catalog();
  return Response.json(catalog, {
    headers: { "cache-control": "public, s-maxage=60, stale-while-revalidate=600" },
  });
};

export const dynamic = "force-dynamic";
