/** The player site's languages: English is the source; Arabic and Hebrew are written right to left. */
export const locales = ["en", "de", "es", "pt-BR", "tr", "ar", "he"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const rtlLocales: ReadonlySet<Locale> = new Set(["ar", "he"]);

/** Message catalogs, one per screen or domain (`errors` is keyed by domain error code). */
export const namespaces = ["common", "auth", "lobby", "wallet", "games", "account", "cashier", "errors"] as const;
export type Namespace = (typeof namespaces)[number];

/** The cookie the language switcher writes (one year, whole site). */
export const localeCookie = "pitboss-locale";

export const isLocale = (value: string | undefined | null): value is Locale =>
  value != null && (locales as readonly string[]).includes(value);

export const directionOf = (locale: Locale): "rtl" | "ltr" => (rtlLocales.has(locale) ? "rtl" : "ltr");

/** The best supported locale for an Accept-Language header (exact tag first, then the language alone). */
export const negotiateLocale = (acceptLanguage: string | null | undefined): Locale => {
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", q = "q=1"] = part.trim().split(";");
      return { tag: tag.trim(), q: Number(q.replace("q=", "")) || 0 };
    })
    .filter((entry) => entry.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const exact = locales.find((locale) => locale.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const language = tag.split("-")[0]?.toLowerCase();
    const partial = locales.find((locale) => locale.split("-")[0]?.toLowerCase() === language);
    if (partial) return partial;
  }
  return defaultLocale;
};
