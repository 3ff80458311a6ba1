import { describe, expect, it } from "vitest";
import { isId, newId } from "./ids";

describe("ids", () => {
  it("are prefixed by kind and sort in creation order", () => {
    const ids = Array.from({ length: 1000 }, () => newId("transaction"));
    expect(ids.every((id) => isId("transaction", id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("cannot be mistaken for another kind", () => {
    expect(isId("player", newId("transaction"))).toBe(false);
    expect(isId("player", "ply_123")).toBe(false);
  });
});
