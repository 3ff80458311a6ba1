import { describe, expect, it, vi } from "vitest";
import { catalogs } from "./catalogs";
import { type Namespace, namespaces } from "./config";
import { type Catalog, type Messages, makeErrorTranslator, makeTranslator } from "./translator";

/** Catalogs with `catalog` as the lobby namespace and every other namespace empty. */
const lobby = (catalog: Catalog): Messages => ({
  ...(Object.fromEntries(namespaces.map((ns) => [ns, {}])) as Record<Namespace, Catalog>),
  lobby: catalog,
});

describe("ICU formatting through the translator", () => {
  it("formats arguments, numbers, plurals, ordinals and selects per locale", () => {
    const messages = lobby({
      hi: "Hi {name}",
      games: "{n, plural, one {# game} other {# games}}",
      none: "{n, plural, =0 {none} other {#}}",
      ordinal: "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}",
      amount: "{n, number} chips",
      colour: "{c, select, red {R} other {X}}",
      quoted: "It''s '{'literal'}'",
      dotted: "{a}.{b}: done",
    });
    const t = makeTranslator("en", "lobby", messages);
    expect(t("hi", { name: "Ana" })).toBe("Hi Ana");
    expect(t("games", { n: 1 })).toBe("1 game");
    expect(t("games", { n: 1234 })).toBe("1,234 games");
    expect(t("none", { n: 0 })).toBe("none");
    expect(t("ordinal", { n: 3 })).toBe("3rd");
    expect(t("ordinal", { n: 22 })).toBe("22nd");
    expect(t("amount", { n: 1234.5 })).toBe("1,234.5 chips");
    expect(t("colour", { c: "red" })).toBe("R");
    expect(t("colour", { c: "blue" })).toBe("X");
    expect(t("quoted")).toBe("It's {literal}");
    expect(t("dotted", { a: 1, b: 2 })).toBe("1.2: done");

    const de = makeTranslator("de", "lobby", lobby({ games: "{n, plural, one {# Spiel} other {# Spiele}}" }));
    expect(de("games", { n: 1 })).toBe("1 Spiel");
    expect(de("games", { n: 1234 })).toBe("1.234 Spiele");
  });

  it("formats the real catalogs, with each locale's plural rules", () => {
    expect(makeTranslator("ar", "lobby", catalogs.ar)("results", { count: 2 })).toBe("لعبتان");
    expect(makeTranslator("en", "lobby", catalogs.en)("results", { count: 1 })).toBe("1 game");
    expect(makeTranslator("en", "lobby", catalogs.en)("results", { count: 12n })).toBe("12 games");
    expect(makeTranslator("en", "games", catalogs.en)("mines.playing", { count: 1 })).toBe(
      "1 mine is hidden. Open a tile, or cash out.",
    );
    expect(makeTranslator("he", "games", catalogs.he)("mines.playing", { count: 2 })).toBe(
      "שני מוקשים מוסתרים. חשפו משבצת או משכו.",
    );
    expect(makeTranslator("en", "games", catalogs.en)("roulette.dozen", { n: 2 })).toBe("2nd 12");
    expect(makeTranslator("en", "wallet", catalogs.en)("demo.added", { amount: "$10.00" })).toBe(
      "$10.00 in demo credits added.",
    );
  });

  it("leaves escaping to React", () => {
    const t = makeTranslator("en", "lobby", catalogs.en);
    expect(t("favourite.add", { name: "<b>Tom & Jerry's</b>" })).toBe("Add <b>Tom & Jerry's</b> to favourites");
  });

  it("returns the message unformatted (and logs) when a value is missing", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const t = makeTranslator("en", "lobby", lobby({ games: "{n, plural, one {# game} other {# games}}" }));
      expect(t("games")).toBe("{n, plural, one {# game} other {# games}}");
      expect(error).toHaveBeenCalledOnce();
    } finally {
      error.mockRestore();
    }
  });
});

describe("makeTranslator", () => {
  it("falls back to the default locale's catalogs only when given them, else shows ns:key", () => {
    const german = lobby({ greeting: "Hallo" });
    const english = lobby({ greeting: "Hello", farewell: "Bye" });
    const withFallback = makeTranslator("de", "lobby", german, english);
    const withoutFallback = makeTranslator("de", "lobby", german);
    expect(withFallback("greeting")).toBe("Hallo");
    expect(withFallback("farewell")).toBe("Bye");
    expect(withFallback.has("farewell")).toBe(true);
    expect(withoutFallback("farewell")).toBe("lobby:farewell");
    expect(withoutFallback.has("farewell")).toBe(false);
    expect(withFallback("missing")).toBe("lobby:missing");
    expect(withFallback.has("missing")).toBe(false);
    expect(makeTranslator("de", "games", german, english)("greeting")).toBe("games:greeting");
  });

  it("keeps keys with dots and colons whole", () => {
    const t = makeTranslator("tr", "lobby", lobby({ "a.b": "dot", "a:b": "colon", a: "plain" }));
    expect([t("a.b"), t("a:b"), t("a")]).toEqual(["dot", "colon", "plain"]);
  });

  it("reads the catalogs each translator was made with, even when they change for a locale", () => {
    const first = makeTranslator("es", "lobby", lobby({ greeting: "Hola", old: "viejo" }));
    const second = makeTranslator("es", "lobby", lobby({ greeting: "Buenas" }));
    expect(second("greeting")).toBe("Buenas");
    expect(second.has("old")).toBe(false);
    expect(first("greeting")).toBe("Hola");
    expect(first("old")).toBe("viejo");
    expect(second("greeting")).toBe("Buenas");
  });
});

describe("makeErrorTranslator", () => {
  it("translates a known domain code and anything else as INTERNAL", () => {
    const t = makeErrorTranslator("de", catalogs.de);
    const code = Object.keys(catalogs.de.errors).find((key) => key !== "INTERNAL") as string;
    expect(t(code)).toBe(catalogs.de.errors[code]);
    expect(t("NOT_A_CODE")).toBe(catalogs.de.errors.INTERNAL);
    expect(t(null)).toBe(catalogs.de.errors.INTERNAL);
    expect(t(undefined)).toBe(catalogs.de.errors.INTERNAL);
  });

  it("does not fall back to English for the right-to-left locales", () => {
    for (const locale of ["ar", "he"] as const) {
      expect(makeErrorTranslator(locale, catalogs[locale])("INTERNAL")).toBe(catalogs[locale].errors.INTERNAL);
      expect(catalogs[locale].errors.INTERNAL).not.toBe(catalogs.en.errors.INTERNAL);
    }
  });
});
