import { describe, expect, it } from "vitest";
import { matchesTimestampedHmac, timestampedHmacHex } from "./hmac-signature";

// Computed outside this code: printf '%s' '1790000000.{"a":1}' | openssl dgst -sha256 -hmac secret
const known = "da8fe498621aaab99d5b11c51346b13d1a2bf2914b865b8d3edd3531cab25a3e";

describe("timestamped HMAC-SHA256", () => {
  it("is hex HMAC-SHA256 over '<timestamp>.<raw body>', whatever form the timestamp and body come in", () => {
    expect(timestampedHmacHex("secret", 1_790_000_000, '{"a":1}')).toBe(known);
    expect(timestampedHmacHex("secret", "1790000000", Buffer.from('{"a":1}'))).toBe(known);
  });

  it("matches any one of several signatures, and nothing that is not 64 lowercase hex digits", () => {
    const other = timestampedHmacHex("previous-secret", 1_790_000_000, '{"a":1}');
    expect(matchesTimestampedHmac("secret", "1790000000", '{"a":1}', [other, known])).toBe(true);
    expect(matchesTimestampedHmac("secret", "1790000000", '{"a":1}', [other])).toBe(false);
    expect(matchesTimestampedHmac("secret", "1790000001", '{"a":1}', [known])).toBe(false);
    expect(matchesTimestampedHmac("secret", "1790000000", '{"a":1}', [known.toUpperCase(), known.slice(2), ""])).toBe(
      false,
    );
    expect(matchesTimestampedHmac("secret", "1790000000", '{"a":1}', [])).toBe(false);
  });
});
