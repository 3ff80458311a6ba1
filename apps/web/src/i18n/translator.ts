import i18next, { type i18n, type TOptions } from "i18next";
import ICU from "i18next-icu";
import { defaultLocale, type Locale, type Namespace, namespaces } from "./config";

export type MessageValues = Record<string, string | number | bigint | null | undefined>;
export type Catalog = Readonly<Record<string, string>>;
export type Messages = Readonly<Record<Namespace, Catalog>>;
export type Translate = ((key: string, values?: MessageValues) => string) & {
  /** Whether the key has a message (for data-driven keys such as a category that may be new). */
  has: (key: string) => boolean;
};

/**
 * One i18next instance per locale, created on first use and kept (per server process, or per page in the browser).
 * Messages are ICU MessageFormat, formatted by i18next-icu (intl-messageformat): plurals, ordinals and `{n, number}`
 * follow the locale; a plain `{name}` is inserted as is. Keys contain dots and colons, so neither separates anything.
 */
type Instance = { i18n: i18n; loaded: Map<string, Messages> };
const instances = new Map<Locale, Instance>();

const createInstance = (locale: Locale): Instance => {
  const instance = i18next.createInstance().use(ICU);
  // Resources are in memory, so with initAsync: false the instance is ready when init returns.
  void instance.init({
    initAsync: false,
    lng: locale,
    fallbackLng: defaultLocale,
    load: "currentOnly",
    resources: {},
    ns: [...namespaces],
    defaultNS: false,
    keySeparator: false,
    nsSeparator: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    i18nFormat: {
      // Formatters are cached per key: drop them when a catalog is replaced.
      bindI18nStore: "added removed",
      parseErrorHandler: (error: Error, key: string, message: string) => {
        console.error(`i18n: cannot format ${locale}:${key}: ${error.message}`);
        return message;
      },
    },
  });
  return { i18n: instance, loaded: new Map() };
};

/** Makes `messages` the instance's catalogs for `lng` (a no-op once they are). */
const provide = ({ i18n, loaded }: Instance, lng: string, messages: Messages) => {
  if (loaded.get(lng) === messages) return;
  for (const ns of namespaces) {
    i18n.removeResourceBundle(lng, ns);
    i18n.addResourceBundle(lng, ns, messages[ns] ?? {});
  }
  loaded.set(lng, messages);
};

const instanceFor = (locale: Locale, messages: Messages, fallback: Messages | undefined) => {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createInstance(locale);
    instances.set(locale, instance);
  }
  provide(instance, locale, messages);
  if (fallback && locale !== defaultLocale) provide(instance, defaultLocale, fallback);
  return instance.i18n;
};

/** i18next reads `count` itself (for plural-suffixed keys), with Intl.PluralRules, which rejects a bigint. */
const icuValues = (values: MessageValues | undefined): MessageValues | undefined =>
  typeof values?.count === "bigint" ? { ...values, count: Number(values.count) } : values;

/**
 * `t(key, values)` for one namespace: the locale's message, else the fallback's (the default locale's catalogs),
 * else `ns:key` (never blank).
 */
export const makeTranslator = (
  locale: Locale,
  namespace: Namespace,
  messages: Messages,
  fallback?: Messages,
): Translate => {
  const options: TOptions = { ns: namespace, fallbackLng: fallback ? defaultLocale : false };
  const has = (key: string) => instanceFor(locale, messages, fallback).exists(key, options);
  const translate = (key: string, values?: MessageValues) => {
    const i18n = instanceFor(locale, messages, fallback);
    return i18n.exists(key, options) ? i18n.t(key, { ...icuValues(values), ...options }) : `${namespace}:${key}`;
  };
  return Object.assign(translate, { has });
};

/** Translates a domain error code (tRPC errors carry it as `data.domainCode`), with a generic fallback. */
export const makeErrorTranslator = (locale: Locale, messages: Messages) => {
  const t = makeTranslator(locale, "errors", messages);
  return (code: string | null | undefined, values?: MessageValues) =>
    code && messages.errors[code] !== undefined ? t(code, values) : t("INTERNAL");
};
