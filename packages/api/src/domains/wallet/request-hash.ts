import { sha256Hex } from "../../lib/sha256";

/** Canonical JSON (sorted keys, bigint as decimal string, undefined dropped), so equal requests hash equal. */
const canonical = (value: unknown): unknown => {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const fields = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    // Code-unit order, as the ledger has always stored these hashes.
    for (const key of Object.keys(fields).sort()) {
      if (fields[key] !== undefined) sorted[key] = canonical(fields[key]);
    }
    return sorted;
  }
  return value;
};

/** SHA-256 of what the command asks for; stored with the idempotency key. */
export const requestHash = (command: string, request: Record<string, unknown>): string =>
  sha256Hex(JSON.stringify(canonical({ command, ...request })));
