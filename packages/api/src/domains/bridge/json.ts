/** A JSON number written exactly as given (e.g. "12.50": JSON.stringify would drop the trailing zero). */
export class RawNumber {
  constructor(readonly text: string) {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a JSON number: ${text}`);
  }
}

/**
 * A figure the database fills in when it records an answer (bridge_render, migration 20261121080000_bridge_wallet):
 * `\x01$\x01` the player's currency, `\x01<c|b|t>:<scale|m>:<places>\x01` cash, bonus or their total in units of
 * 10^-scale of the major unit (m: minor units), rounded down, with `places` decimals. JSON escapes control characters
 * inside strings, so no field a studio sent can spell a slot.
 */
export class Slot {
  constructor(readonly text: string) {}
  static balance(field: "c" | "b" | "t", scale: number | null, places: number, isQuoted = false) {
    const slot = `\u0001${field}:${scale ?? "m"}:${places}\u0001`;
    return new Slot(isQuoted ? `"${slot}"` : slot);
  }
  static currency() {
    return new Slot('"\u0001$\u0001"');
  }
}

export type JsonValue = string | boolean | null | bigint | RawNumber | Slot | JsonObject;
export type JsonObject = { [key: string]: JsonValue | undefined };

/**
 * Deterministic JSON for protocol responses: keys in insertion order, bigint as an integer literal, RawNumber as
 * written, undefined fields left out. The bytes are what a replay returns, so they must not depend on anything else.
 */
export const toJson = (value: JsonValue): string => {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof RawNumber || value instanceof Slot) return value.text;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const fields = Object.entries(value).filter((entry): entry is [string, JsonValue] => entry[1] !== undefined);
  return `{${fields.map(([key, field]) => `${JSON.stringify(key)}:${toJson(field)}`).join(",")}}`;
};

export const jsonBody = (value: JsonObject) => Buffer.from(toJson(value), "utf8");

/** Parses a JSON object from raw bytes, or null (not UTF-8 JSON, or not an object). */
export const parseJsonObject = (body: Buffer): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/**
 * A stored response re-echoing a per-request field (e.g. Hub88's request_uuid) for a retry that carries a new one:
 * the field's serialized fragment is swapped, every other byte stays as stored.
 */
export const reEcho = (stored: Buffer, field: string, value: string | undefined): Buffer => {
  if (value === undefined) return stored;
  const previous = parseJsonObject(stored)?.[field];
  if (typeof previous !== "string" || previous === value) return stored;
  const text = stored.toString("utf8");
  const fragment = `${JSON.stringify(field)}:${JSON.stringify(previous)}`;
  return text.includes(fragment)
    ? Buffer.from(text.replace(fragment, `${JSON.stringify(field)}:${JSON.stringify(value)}`), "utf8")
    : stored;
};
