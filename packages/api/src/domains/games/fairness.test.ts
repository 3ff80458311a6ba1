import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { floatFromBytes, hashServerSeed, newServerSeed, outcomeBytes, outcomeFloats } from "./fairness";

const SERVER_SEED = "3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e";
const CLIENT_SEED = "lucky-player";
const NONCE = 7;

describe("provably-fair scheme", () => {
  it("matches the published check vector", () => {
    expect(hashServerSeed(SERVER_SEED)).toBe("10097aec46f656c1e9ce281da716063d994623c05e19edcd6edcbe330c644817");
    const [first, second] = outcomeFloats(SERVER_SEED, CLIENT_SEED, NONCE, 2);
    expect(first).toBe(0.6342450422234833);
    expect(second).toBe(0.09092797734774649);
  });

  it("concatenates HMAC blocks over clientSeed:nonce:cursor", () => {
    const block = (cursor: number) =>
      createHmac("sha256", SERVER_SEED).update(`${CLIENT_SEED}:${NONCE}:${cursor}`).digest();
    const bytes = outcomeBytes(SERVER_SEED, CLIENT_SEED, NONCE, 70);
    expect(bytes.length).toBe(70);
    expect(Buffer.from(bytes).equals(Buffer.concat([block(0), block(1), block(2)]).subarray(0, 70))).toBe(true);
    expect(outcomeBytes(SERVER_SEED, CLIENT_SEED, NONCE, 0).length).toBe(0);
  });

  it("gives 8 floats per block and longer draws extend shorter ones", () => {
    const nine = outcomeFloats(SERVER_SEED, CLIENT_SEED, NONCE, 9);
    expect(nine.slice(0, 8)).toEqual(outcomeFloats(SERVER_SEED, CLIENT_SEED, NONCE, 8));
    const secondBlock = createHmac("sha256", SERVER_SEED).update(`${CLIENT_SEED}:${NONCE}:1`).digest();
    expect(nine[8]).toBe(floatFromBytes(secondBlock, 0));
  });

  it("computes each float as b0/256 + b1/256² + b2/256³ + b3/256⁴ = u32 / 2^32, in [0, 1)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), (bytes) => {
        const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = bytes;
        const u32 = b0 * 2 ** 24 + b1 * 2 ** 16 + b2 * 2 ** 8 + b3;
        const float = floatFromBytes(bytes, 0);
        expect(float).toBe(u32 / 2 ** 32);
        expect(float).toBeGreaterThanOrEqual(0);
        expect(float).toBeLessThan(1);
      }),
      { numRuns: 2000 },
    );
    expect(floatFromBytes(new Uint8Array([255, 255, 255, 255]), 0)).toBe(1 - 2 ** -32);
  });

  it("depends on every input", () => {
    const base = outcomeFloats(SERVER_SEED, CLIENT_SEED, NONCE, 1)[0];
    expect(outcomeFloats(`${SERVER_SEED}0`, CLIENT_SEED, NONCE, 1)[0]).not.toBe(base);
    expect(outcomeFloats(SERVER_SEED, `${CLIENT_SEED}!`, NONCE, 1)[0]).not.toBe(base);
    expect(outcomeFloats(SERVER_SEED, CLIENT_SEED, NONCE + 1, 1)[0]).not.toBe(base);
  });

  it("rejects bad inputs", () => {
    expect(() => outcomeBytes("", CLIENT_SEED, 0, 4)).toThrow(RangeError);
    expect(() => outcomeBytes(SERVER_SEED, CLIENT_SEED, -1, 4)).toThrow(RangeError);
    expect(() => outcomeBytes(SERVER_SEED, CLIENT_SEED, 1.5, 4)).toThrow(RangeError);
    expect(() => outcomeFloats(SERVER_SEED, CLIENT_SEED, 0, -1)).toThrow(RangeError);
    expect(() => floatFromBytes(new Uint8Array(3), 0)).toThrow(RangeError);
  });

  it("makes fresh 32-byte hex server seeds", () => {
    const a = newServerSeed();
    const b = newServerSeed();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(hashServerSeed(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
