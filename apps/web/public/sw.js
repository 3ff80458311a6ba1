/*
 * Pitboss service worker, written by hand so every rule is visible:
 *   - pages are always fetched from the network; when that fails, the offline page is shown;
 *   - content-hashed build assets (/_next/static/) and icons are cached (they are public and never change);
 *   - NOTHING under /api/ and no page is ever cached: balances, money calls and personal data always come
 *     from the network (or fail), never from this cache;
 *   - the offline page is fetched without cookies (?lang= gives its language), so the cached copy is not personal.
 * A new version waits until the page asks it to take over (the "update ready" prompt).
 */
const VERSION = "pitboss-v1";
const STATIC_CACHE = `${VERSION}-static`;
const OFFLINE_CACHE = `${VERSION}-offline`;
const OFFLINE_URL = "/offline";
const PRECACHE = ["/icons/icon.svg", "/icons/icon-192.png"];

const cacheOfflinePage = async (locale) => {
  const url = `${OFFLINE_URL}?lang=${encodeURIComponent(locale || "en")}`;
  const response = await fetch(url, { credentials: "omit", cache: "no-store" });
  if (response.ok) await (await caches.open(OFFLINE_CACHE)).put(OFFLINE_URL, response);
};

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all([
      caches.open(STATIC_CACHE).then((cache) => cache.addAll(PRECACHE)),
      cacheOfflinePage(new URL(self.location.href).searchParams.get("lang")),
    ]),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([STATIC_CACHE, OFFLINE_CACHE]);
      for (const key of await caches.keys()) if (!keep.has(key)) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "SKIP_WAITING") self.skipWaiting();
  if (data.type === "CACHE_OFFLINE") event.waitUntil(cacheOfflinePage(data.locale).catch(() => undefined));
});

const isStaticAsset = (url) =>
  url.origin === self.location.origin &&
  (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/"));

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // Money, balances and everything personal: straight to the network, never cached here.
  if (url.origin === self.location.origin && url.pathname.startsWith("/api/")) return;

  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(
        async () => (await caches.match(OFFLINE_URL, { cacheName: OFFLINE_CACHE })) || Response.error(),
      ),
    );
    return;
  }

  if (isStaticAsset(url)) {
    event.respondWith(
      (async () => {
        const cache = await caches.open(STATIC_CACHE);
        const cached = await cache.match(request);
        if (cached) return cached;
        const response = await fetch(request);
        if (response.ok && response.type === "basic") await cache.put(request, response.clone());
        return response;
      })(),
    );
  }
});
