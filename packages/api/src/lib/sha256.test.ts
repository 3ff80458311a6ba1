import { describe, expect, it } from "vitest";
import { sha256Hex } from "./sha256";

// FIPS 180-2's example: SHA-256("abc").
const abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

describe("sha256Hex", () => {
  it("is the hex SHA-256 of a string as UTF-8, and of the same bytes given as a Buffer", () => {
    expect(sha256Hex("abc")).toBe(abc);
    expect(sha256Hex(Buffer.from("abc"))).toBe(abc);
    expect(sha256Hex("é")).toBe(sha256Hex(Buffer.from("é", "utf8")));
  });
});
