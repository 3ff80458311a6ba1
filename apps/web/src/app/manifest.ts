import type { MetadataRoute } from "next";
import { getT } from "~/i18n/server";

/** Installable: the site opens standalone from the home screen, starting in the lobby. */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const t = await getT("common");
  return {
    name: t("meta.title"),
    short_name: t("brand"),
    description: t("meta.description"),
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#0c1f17",
    theme_color: "#0f2a20",
    icons: [
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable.svg", sizes: "any", type: "image/svg+xml", purpose: "maskable" },
    ],
  };
}
