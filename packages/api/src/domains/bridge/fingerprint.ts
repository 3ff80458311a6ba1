import { sha256Hex } from "../../lib/sha256";

type Field = string | bigint | number | boolean | null | undefined;

/**
 * The fingerprint of a studio command: SHA-256 over its business fields (sorted, bigint as decimal, absent fields
 * dropped), never over transport details such as the request id, the session token or the signature. Two requests
 * with one transaction id and equal fingerprints are the same request; different ones are a duplicate.
 */
export const fingerprintOf = (fields: Record<string, Field>): string => {
  const canonical = Object.keys(fields)
    .filter((key) => fields[key] !== undefined)
    .sort()
    .map((key) => {
      const value = fields[key];
      return [key, typeof value === "bigint" ? `${value}n` : value];
    });
  return sha256Hex(JSON.stringify(canonical));
};
