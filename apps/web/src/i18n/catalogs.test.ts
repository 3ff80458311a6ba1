import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
// intl-messageformat's own parser (its dependency), for the AST's type guards.
import {
  isLiteralElement,
  isPluralElement,
  isPoundElement,
  isSelectElement,
  isTagElement,
  type MessageFormatElement,
} from "@formatjs/icu-messageformat-parser";
import { playerLocales } from "@pitboss/api";
import { domainErrorCodes } from "@pitboss/db";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { catalogs } from "./catalogs";
import { locales, namespaces } from "./config";

const src = path.resolve(import.meta.dirname, "..");

/** Parses a message as i18next-icu does at run time (tags off: `<` is plain text); throws if it is not valid ICU. */
const parseICU = (message: string, locale: string, where = message): MessageFormatElement[] => {
  try {
    return new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst();
  } catch (error) {
    throw new Error(`${where} is not valid ICU (${(error as Error).message}): ${message}`);
  }
};

/** The argument names a message uses, in plural and select cases too. */
const argumentNames = (elements: MessageFormatElement[], names = new Set<string>()): Set<string> => {
  for (const element of elements) {
    if (isLiteralElement(element) || isPoundElement(element)) continue;
    names.add(element.value);
    if (isPluralElement(element) || isSelectElement(element)) {
      for (const option of Object.values(element.options)) argumentNames(option.value, names);
    } else if (isTagElement(element)) argumentNames(element.children, names);
  }
  return names;
};

/** i18next reads these from `t()`'s options, where message values go too, so no placeholder may be named so. */
const i18nextOptionNames = [
  "defaultValue",
  "ordinal",
  "context",
  "replace",
  "lng",
  "lngs",
  "fallbackLng",
  "ns",
  "keySeparator",
  "nsSeparator",
  "returnObjects",
  "returnDetails",
  "joinArrays",
  "postProcess",
  "interpolation",
  "skipInterpolation",
];

/** Every source file of the app, except the catalogs themselves and tests. */
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "locales" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });

/**
 * Keys the code uses, per namespace: for each `const x = useT("ns")` / `getT("ns")`, every `x("key")` and
 * `x.has("key")`; template keys (`x(\`kind.${…}\`)`) become prefixes that any key of the namespace may match.
 */
const usedKeys = () => {
  const exact = new Map<string, Set<string>>(namespaces.map((ns) => [ns, new Set()]));
  const prefixes = new Map<string, Set<string>>(namespaces.map((ns) => [ns, new Set()]));
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, "utf8");
    // `(await getT("ns"))("key")` in metadata functions.
    for (const [, ns, key] of text.matchAll(/getT\("(\w+)"\)\)\("([^"]+)"/g))
      exact.get(ns as string)?.add(key as string);
    const bindings = [
      ...text.matchAll(/const (\w+) = (?:await )?(?:useT|getT)\("(\w+)"\)/g),
      // const [t, …] = await Promise.all([getT("ns"), …])
      ...text.matchAll(/const \[(\w+)[^\]]*\] = await Promise\.all\(\[\s*getT\("(\w+)"\)/g),
    ];
    for (const [, name, ns] of bindings) {
      for (const [, key] of text.matchAll(new RegExp(`\\b${name}(?:\\.has)?\\("([^"]+)"`, "g"))) {
        exact.get(ns as string)?.add(key as string);
      }
      for (const [, prefix] of text.matchAll(new RegExp(`\\b${name}(?:\\.has)?\\(\`([^\`$]*)\\$\\{`, "g"))) {
        prefixes.get(ns as string)?.add(prefix as string);
      }
      // Keys chosen by a ternary: t(isX ? "a" : "b").
      for (const [, a, b] of text.matchAll(new RegExp(`\\b${name}\\(\\w+ \\? "([^"]+)" : "([^"]+)"`, "g"))) {
        exact
          .get(ns as string)
          ?.add(a as string)
          .add(b as string);
      }
    }
  }
  return { exact, prefixes };
};

describe("message catalogs", () => {
  const english = catalogs.en;

  it("the API's player locales are exactly the site's locales", () => {
    expect([...playerLocales].sort()).toEqual([...locales].sort());
  });

  for (const locale of locales) {
    it(`${locale} has every English key and no other, in every namespace`, () => {
      for (const ns of namespaces) {
        expect(Object.keys(catalogs[locale][ns]).sort(), `${locale}/${ns}`).toEqual(Object.keys(english[ns]).sort());
      }
    });

    it(`${locale} messages are valid ICU and keep English's placeholders`, () => {
      for (const ns of namespaces) {
        for (const [key, message] of Object.entries(catalogs[locale][ns])) {
          const where = `${locale}/${ns}:${key}`;
          expect(message.trim(), `${where} is empty`).not.toBe("");
          const names = argumentNames(parseICU(message, locale, where));
          const source = argumentNames(parseICU(english[ns][key] as string, "en", `en/${ns}:${key}`));
          expect([...names].sort(), where).toEqual([...source].sort());
        }
      }
    });
  }

  it("the ICU check rejects malformed messages", () => {
    for (const bad of [
      "Hi {name",
      "{n, bogus}",
      "{n, plural, one {# game}}",
      "{n, plural, one {# game} other {# games}",
    ]) {
      expect(() => parseICU(bad, "en"), bad).toThrow(/not valid ICU/);
    }
    expect([...argumentNames(parseICU("{a} {n, plural, other {{b} #}} {c, select, x {{d}} other {}}", "en"))]).toEqual([
      "a",
      "n",
      "b",
      "c",
      "d",
    ]);
  });

  it("no placeholder is named like an i18next t() option", () => {
    const names = namespaces.flatMap((ns) =>
      Object.values(english[ns]).flatMap((message) => [...argumentNames(parseICU(message, "en"))]),
    );
    expect(names.filter((name) => i18nextOptionNames.includes(name))).toEqual([]);
  });

  it("translates every domain error code", () => {
    expect(Object.keys(english.errors).sort()).toEqual(Object.keys(domainErrorCodes).sort());
  });

  it("every key the code uses exists, and every English key is used", () => {
    const { exact, prefixes } = usedKeys();
    const missing = namespaces.flatMap((ns) =>
      [...(exact.get(ns) ?? [])].filter((key) => !(key in english[ns])).map((key) => `${ns}:${key}`),
    );
    expect(missing).toEqual([]);
    // The errors namespace is keyed by domain code (looked up dynamically); every other key must be used.
    const unused = namespaces
      .filter((ns) => ns !== "errors")
      .flatMap((ns) =>
        Object.keys(english[ns])
          .filter((key) => !exact.get(ns)?.has(key) && ![...(prefixes.get(ns) ?? [])].some((p) => key.startsWith(p)))
          .map((key) => `${ns}:${key}`),
      );
    expect(unused).toEqual([]);
  });
});
