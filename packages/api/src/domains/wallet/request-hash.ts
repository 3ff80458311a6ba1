import { createHash } from "node:crypto";

/** Canonical JSON (sorted keys, bigint as decimal string, undefined dropped), so equal requests hash equal. */
const canonical = (value: unknown): unknown => {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
};

/** SHA-256 of what the command asks for; stored with the idempotency key. */
export const requestHash = (command: string, request: Record<string, unknown>): string =>
  createHash("sha256")
    .update(JSON.stringify(canonical({ command, ...request })))
    .digest("hex");
