import { describe, expect, it } from "vitest";
import { ageOn, minimumAgeFor, passwordWeaknesses } from "./policy";

describe("age", () => {
  const now = new Date("2026-11-21T10:00:00Z");
  it("counts whole years, turning a year older on the birthday itself", () => {
    expect(ageOn("2008-11-21", now)).toBe(18);
    expect(ageOn("2008-11-22", now)).toBe(17);
    expect(ageOn("1990-01-01", now)).toBe(36);
  });
  it("handles 29 February", () => {
    expect(ageOn("2008-02-29", new Date("2026-02-28T00:00:00Z"))).toBe(17);
    expect(ageOn("2008-02-29", new Date("2026-03-01T00:00:00Z"))).toBe(18);
  });
  it("defaults to 18", () => expect(minimumAgeFor("DE")).toBe(18));
});

describe("password strength", () => {
  it("accepts a long mixed password", () => expect(passwordWeaknesses("correct-horse-7")).toEqual([]));
  it("names every weakness", () => {
    expect(passwordWeaknesses("short1")).toEqual(["length"]);
    expect(passwordWeaknesses("onlyletterslong")).toEqual(["variety"]);
    expect(passwordWeaknesses("Password123")).toEqual(["common"]);
    expect(passwordWeaknesses("maria-2026!!", "maria@example.com")).toEqual(["email"]);
  });
});
